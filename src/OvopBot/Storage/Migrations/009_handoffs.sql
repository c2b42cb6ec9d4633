-- A person to ask (issue 12): a message a village head sent to the facilitators (PENDAMPING / TANYA, or a voice
-- note where text was expected), and its answer. Staff answer with "BALAS <id> text"; the id is this row's id.
CREATE TABLE handoffs (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),      -- the person who asked
    village_code TEXT,                                           -- their village then, if known (who is asked)
    node_id      TEXT,                                           -- the question they were at
    text         TEXT,
    media_path   TEXT,                                           -- a voice note, when that is what they sent
    inbound_id   INTEGER REFERENCES inbound_messages (id),
    created_at   TEXT    NOT NULL,
    answered_at  TEXT,                                           -- the first answer
    answered_by  INTEGER REFERENCES contacts (id),
    timed_out_at TEXT                                            -- the person and the admins were told nobody answered
);
CREATE INDEX ix_handoffs_waiting ON handoffs (created_at) WHERE answered_at IS NULL AND timed_out_at IS NULL;
CREATE UNIQUE INDEX ix_handoffs_inbound ON handoffs (inbound_id);
