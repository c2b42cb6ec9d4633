-- Issue 11, the rest of "one bad row never blocks the rest".

-- A message split into several platform messages (a long Telegram text, a text and its document) records the
-- platform ids of the parts that went out before a failure, comma-separated; the retry resumes at the next part,
-- so nobody gets part 1 twice. Null: no part sent yet.
ALTER TABLE outbound_messages ADD COLUMN sent_parts TEXT;

-- A reminder that could not be made (its session unreadable, its question gone from the flow) is recorded with the
-- error instead of a send, so the reminder loop goes on with the others and does not try it again at every check.
ALTER TABLE reminders_sent ADD COLUMN error TEXT;
