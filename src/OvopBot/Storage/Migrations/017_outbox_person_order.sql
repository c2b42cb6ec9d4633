-- The outbox takes at most one due row per person, the first in (kind, id) order, so a flooder's backlog takes one
-- place per take like everyone else. Checking "does this person have an earlier pending row" on ix_outbound_contact
-- walked the person's whole history for each of a flooder's rows; this index holds only pending rows, in that order.
CREATE INDEX ix_outbox_person ON outbound_messages (contact_id, kind, id) WHERE status = 'pending';
