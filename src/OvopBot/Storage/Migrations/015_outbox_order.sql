-- The outbox is taken in (kind, id) order: replies, then reminders, then broadcasts, oldest first. ix_outbox_due
-- orders by due time within a kind, so every pass sorted all due rows of a kind to find the first 100 (60,000 rows
-- of a big broadcast, each with its per-person order check); this index gives that order directly.
CREATE INDEX ix_outbox_next ON outbound_messages (channel, kind, id) WHERE status = 'pending';
