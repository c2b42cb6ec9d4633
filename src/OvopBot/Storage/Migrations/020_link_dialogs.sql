-- Linking a channel runs on the dialog engine (flows/linking.yaml): a contact's place in that dialog (the node waiting
-- for the code, the reference being linked), apart from staff_dialogs, since a staff member may link a channel while a
-- staff dialog of theirs is open. The request itself (code hash, attempts, expiry) stays in link_requests.
CREATE TABLE IF NOT EXISTS link_dialogs (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id),
    state_json TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
-- A request still open at the upgrade waits for its code in the dialog, as it did before (an expired one is closed, and
-- a code typed late is said so, when the person next writes).
INSERT OR IGNORE INTO link_dialogs (contact_id, state_json, updated_at)
SELECT from_contact, '{"NodeId":"code_wait","Role":"anyone","Values":{},"Kept":{}}', max(created_at)
FROM link_requests WHERE closed_at IS NULL GROUP BY from_contact;
