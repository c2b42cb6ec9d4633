-- Broadcasts over several regions, and the final report pushed to the author of a chat broadcast (issue 6).

-- The region codes (province, regency or district) a broadcast covers; enqueuing reads these. broadcasts.region_code
-- and district_code stay for people reading the table: one region as before, several listed comma-separated.
CREATE TABLE broadcast_regions (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    region_code  TEXT    NOT NULL,
    PRIMARY KEY (broadcast_id, region_code)
) WITHOUT ROWID;
INSERT INTO broadcast_regions (broadcast_id, region_code) SELECT id, coalesce(district_code, region_code) FROM broadcasts;

-- Who gets the final report in the chat (the facilitator who confirmed it there); null from the command line.
ALTER TABLE broadcasts ADD COLUMN report_to INTEGER REFERENCES contacts (id);
-- Set once no outbox row of the broadcast is pending, in the same transaction that enqueues the report: a confirmed
-- broadcast moves queued → done (or stays cancelled) exactly once, so the report goes out exactly once.
ALTER TABLE broadcasts ADD COLUMN finished_at TEXT;
-- Broadcasts cancelled before this version have nothing left to report.
UPDATE broadcasts SET finished_at = status_at WHERE status = 'cancelled';

-- "Has this broadcast anything pending?" is asked every few seconds while one is being sent.
CREATE INDEX ix_outbound_broadcast_pending ON outbound_messages (broadcast_id) WHERE status = 'pending';
