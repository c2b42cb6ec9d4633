-- A reply to a forwarded question answers it (issue 13's leftover from issue 12's hand-off).

-- The platform id of the message an inbound message replies to (Telegram reply_to_message.message_id, WhatsApp
-- context.id), when the person used the app's "Reply". Null for an ordinary message.
ALTER TABLE inbound_messages ADD COLUMN reply_to TEXT;

-- Which outbox rows carried a forwarded question to a staff member: once sent, the row's platform_message_id is what
-- the staff member's reply points at, so the reply is taken as "BALAS <handoff id> <text>".
CREATE TABLE handoff_forwards (
    outbound_id INTEGER PRIMARY KEY REFERENCES outbound_messages (id) ON DELETE CASCADE,
    handoff_id  INTEGER NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE
);
