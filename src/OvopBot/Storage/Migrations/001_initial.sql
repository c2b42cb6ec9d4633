-- OvopBot schema, version 1. Times are UTC ISO-8601 text ("2026-11-23T08:00:00.000Z"), which sorts correctly and
-- reads well when an admin opens the file with sqlite3 or DB Browser.

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY,
    channel         TEXT    NOT NULL,            -- telegram | whatsapp | console
    address         TEXT    NOT NULL,            -- chat id / wa_id / console id
    display_name    TEXT,
    phone           TEXT,                        -- E.164, when the platform vouches for it
    language        TEXT,
    opted_out       INTEGER NOT NULL DEFAULT 0,  -- said BERHENTI/STOP: no broadcasts or reminders
    reachable       INTEGER NOT NULL DEFAULT 1,  -- 0 after the person blocked the bot / is not on the platform
    created_at      TEXT    NOT NULL,
    last_inbound_at TEXT,
    UNIQUE (channel, address)
);

CREATE TABLE submissions (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),  -- who answered last
    village_code  TEXT,                                        -- official code, once chosen
    village_name  TEXT,
    status        TEXT    NOT NULL,                            -- draft | submitted
    reference     TEXT    UNIQUE,                              -- given at the first submit, kept on updates
    revision      INTEGER NOT NULL DEFAULT 0,                  -- number of submits
    answers_json  TEXT    NOT NULL,
    started_at    TEXT    NOT NULL,
    submitted_at  TEXT,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX ix_submissions_village ON submissions (village_code);

-- Every submit (first and later updates) keeps a copy: who, when, what.
CREATE TABLE submission_history (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    revision      INTEGER NOT NULL,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),
    answers_json  TEXT    NOT NULL,
    changed_at    TEXT    NOT NULL
);

CREATE TABLE sessions (
    contact_id       INTEGER PRIMARY KEY REFERENCES contacts (id),
    flow_id          TEXT    NOT NULL,
    status           TEXT    NOT NULL,   -- NotStarted | Active | Submitted | Declined
    node_id          TEXT,
    submission_id    INTEGER REFERENCES submissions (id),
    state_json       TEXT    NOT NULL,
    started_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    last_activity_at TEXT
);

CREATE TABLE inbound_messages (
    id           INTEGER PRIMARY KEY,
    channel      TEXT    NOT NULL,
    external_id  TEXT    NOT NULL,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),
    kind         TEXT    NOT NULL,
    text         TEXT,
    choice_id    TEXT,
    media_ref    TEXT,
    media_path   TEXT,
    latitude     REAL,
    longitude    REAL,
    phone        TEXT,
    received_at  TEXT    NOT NULL,
    processed_at TEXT,                   -- null until the conversation step has run
    node_id      TEXT,                   -- the question this message answered
    UNIQUE (channel, external_id)        -- a re-delivered message is a no-op
);
CREATE INDEX ix_inbound_unprocessed ON inbound_messages (id) WHERE processed_at IS NULL;
CREATE INDEX ix_inbound_contact ON inbound_messages (contact_id, id);

-- The message log and the outbox in one: rows with status 'pending' are still to be sent.
CREATE TABLE outbound_messages (
    id                  INTEGER PRIMARY KEY,
    contact_id          INTEGER NOT NULL REFERENCES contacts (id),
    channel             TEXT    NOT NULL,
    address             TEXT    NOT NULL,
    kind                INTEGER NOT NULL,          -- 0 reply, 1 reminder, 2 broadcast (lower goes first)
    text                TEXT    NOT NULL,
    payload_json        TEXT    NOT NULL,          -- the whole OutboundMessage
    in_reply_to         INTEGER REFERENCES inbound_messages (id),
    broadcast_id        INTEGER,
    node_id             TEXT,
    status              TEXT    NOT NULL,          -- pending | sent | delivered | read | failed | held | cancelled
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TEXT    NOT NULL,
    last_error          TEXT,
    platform_message_id TEXT,
    created_at          TEXT    NOT NULL,
    sent_at             TEXT,
    status_at           TEXT,
    UNIQUE (broadcast_id, contact_id)              -- a broadcast reaches a person once, even after a crash
);
CREATE INDEX ix_outbox_due ON outbound_messages (channel, kind, next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX ix_outbound_platform_id ON outbound_messages (platform_message_id);
CREATE INDEX ix_outbound_contact ON outbound_messages (contact_id, id);

CREATE TABLE channel_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
