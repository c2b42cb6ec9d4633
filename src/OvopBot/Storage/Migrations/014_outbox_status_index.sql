-- /metrics counts outbox rows by status, channel and kind on every scrape: this index answers it without reading
-- the rows themselves (their text and payload), however long the outbox history grows.
CREATE INDEX ix_outbound_status ON outbound_messages (status, channel, kind);
