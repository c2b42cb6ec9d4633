-- A staff member's place in the staff flow (flows/staff.yaml): the waiting node, the dialog's values and those kept
-- after it (the last broadcast). Apart from staff_sessions, which the older staff desk (review, web link) still uses.
CREATE TABLE IF NOT EXISTS staff_dialogs (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id),
    state_json TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
