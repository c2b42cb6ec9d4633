-- Exports an admin asked for in the chat. A background worker makes the file (an export can take a while and must
-- not hold up anybody's conversation) and sends it. A row leaves 'pending' once, in the same transaction as the
-- message that answers it, so a restart redoes an unfinished export and never sends one twice.
CREATE TABLE chat_exports (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id),
    kind        TEXT    NOT NULL,  -- submissions | requests | conversations | contacts
    region_code TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    status      TEXT    NOT NULL,  -- pending | sent | empty | too_large | failed
    file_path   TEXT,
    rows        INTEGER,
    bytes       INTEGER,
    created_at  TEXT    NOT NULL,
    status_at   TEXT    NOT NULL
);

CREATE INDEX chat_exports_pending ON chat_exports (status, id);
