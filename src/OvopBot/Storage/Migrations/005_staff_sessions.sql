-- A staff member's open chat dialog (missing-villages paging, broadcast being composed), kept apart from the
-- village registration session so a facilitator who is also a respondent never loses either.
CREATE TABLE staff_sessions (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id),
    state_json TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
