-- Staff roles, invite codes, broadcasts and the reminder log (issue 6).

-- A facilitator or admin, scoped to one region code per row (a province, regency or district).
CREATE TABLE staff_roles (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id),
    role        TEXT    NOT NULL,                 -- facilitator | admin
    region_code TEXT    NOT NULL,                 -- dotted, e.g. 53.01.08
    granted_by  TEXT    NOT NULL,                 -- "cli:<user>" or "invite:<id>"
    granted_at  TEXT    NOT NULL,
    UNIQUE (contact_id, role, region_code)
);

-- One-time invite codes. Only a SHA-256 of the code is kept, so a copy of the database does not hand out roles.
CREATE TABLE invites (
    id          INTEGER PRIMARY KEY,
    code_hash   TEXT    NOT NULL UNIQUE,
    role        TEXT    NOT NULL,
    region_code TEXT    NOT NULL,
    region_name TEXT    NOT NULL,                 -- for the "you are now facilitator for …" reply
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT,
    used_by     INTEGER REFERENCES contacts (id)
);

-- A broadcast: draft (previewed) → enqueuing (confirmed; outbox rows being added) → queued → cancelled.
-- The outbox rows carry broadcast_id; their unique (broadcast_id, contact_id) index makes re-enqueuing harmless.
CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,
    author              TEXT    NOT NULL,
    target              TEXT    NOT NULL,      -- all | unfinished | finished | not-started
    region_code         TEXT    NOT NULL,
    district_code       TEXT,
    text                TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    skipped_opted_out   INTEGER NOT NULL DEFAULT 0,
    skipped_unreachable INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL,
    status_at           TEXT    NOT NULL
);

-- Automatic reminders already sent, per person and idle period (the time of the person's last message), so a
-- restart never sends the same reminder twice and a new answer starts a new count.
CREATE TABLE reminders_sent (
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    idle_since TEXT    NOT NULL,
    number     INTEGER NOT NULL,
    sent_at    TEXT    NOT NULL,
    PRIMARY KEY (contact_id, idle_since, number)
);
