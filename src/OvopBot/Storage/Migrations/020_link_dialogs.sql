-- Linking a channel runs on the dialog engine (flows/linking.yaml): a contact's place in that dialog (the node waiting
-- for the code, the reference being linked), apart from staff_dialogs, since a staff member may link a channel while a
-- staff dialog of theirs is open. The request itself (code hash, attempts, expiry) stays in link_requests.
CREATE TABLE IF NOT EXISTS link_dialogs (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id),
    state_json TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
