-- The web dashboard (issue 15): one-time login links and browser sessions. Only SHA-256 hashes of the tokens are
-- kept, so a copy of the database opens no dashboard.

-- A link a staff member asked for in the chat (MASUK / WEB) or an operator printed with `web link`: single use,
-- valid for minutes, bound to the role and regions the person held when it was made.
CREATE TABLE web_login_links (
    token_hash  TEXT    PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id),
    role        TEXT    NOT NULL,          -- facilitator | admin
    scopes_json TEXT    NOT NULL,          -- the region codes, e.g. ["53.01"]
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT
) WITHOUT ROWID;

-- A browser session started by a link. It ends at logout, after its idle time, or as soon as one of the grants it
-- was bound to is revoked (checked on every request).
CREATE TABLE web_sessions (
    token_hash   TEXT    PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),
    role         TEXT    NOT NULL,
    scopes_json  TEXT    NOT NULL,
    csrf         TEXT    NOT NULL,         -- the anti-forgery token every form of this session carries
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL          -- sliding: last_seen_at + Web:SessionIdleTimeout
) WITHOUT ROWID;
CREATE INDEX ix_web_sessions_contact ON web_sessions (contact_id);
