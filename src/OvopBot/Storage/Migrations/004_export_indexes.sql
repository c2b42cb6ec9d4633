-- Exports list messages in time order; these indexes let the conversations export stream both tables in that order
-- (and cut by --since/--until) without sorting a million rows first.
CREATE INDEX IF NOT EXISTS ix_inbound_received ON inbound_messages (received_at, id);
CREATE INDEX IF NOT EXISTS ix_outbound_created ON outbound_messages (created_at, id);
