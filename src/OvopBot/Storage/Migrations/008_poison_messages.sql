-- Poison messages (issue 11): a message whose step keeps failing is retried a few times with backoff, then kept as
-- a dead letter with its error, so one bad message never stops a worker and operators can see and re-run it.

-- Failed attempts so far and when the next one may run (null: now). Reset by `messages retry`.
ALTER TABLE inbound_messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inbound_messages ADD COLUMN next_attempt_at TEXT;
ALTER TABLE inbound_messages ADD COLUMN last_error TEXT;
-- Set when the retries ran out: the message is also marked processed (the worker moves on) and the person got an
-- apology. Cleared when an operator retries it.
ALTER TABLE inbound_messages ADD COLUMN failed_at TEXT;
CREATE INDEX ix_inbound_failed ON inbound_messages (id) WHERE failed_at IS NOT NULL;
