-- Delivery statuses from WhatsApp (issue 5).

-- A message that WhatsApp refused after the fact as outside the 24-hour window (131047) is sent again as the
-- reminder template in a new row; this points back at the row it replaces, and a replacement is never replaced again.
ALTER TABLE outbound_messages ADD COLUMN requeued_from INTEGER REFERENCES outbound_messages (id);

-- A message sent in several requests keeps its platform ids comma-separated; statuses for its later parts are found
-- through this small index instead of a scan of the whole table.
CREATE INDEX ix_outbound_multipart ON outbound_messages (id) WHERE instr(platform_message_id, ',') > 0;
