-- Deliberate channel linking (issue 16): the state of each request for a code. A request is open while closed_at is
-- null and it has not expired; it closes as linked, cancelled, replaced (a newer request from the same contact),
-- expired (noticed when the person next writes) or too_many_attempts (wrong codes).
ALTER TABLE link_requests ADD COLUMN submission_id INTEGER REFERENCES submissions (id);   -- the record whose reference was sent
ALTER TABLE link_requests ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;                -- wrong codes typed so far
ALTER TABLE link_requests ADD COLUMN closed_at TEXT;
ALTER TABLE link_requests ADD COLUMN outcome TEXT;
CREATE INDEX ix_link_requests_to ON link_requests (to_contact, created_at);
