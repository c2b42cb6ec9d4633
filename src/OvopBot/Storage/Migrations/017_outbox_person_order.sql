-- The outbox takes at most one due row per person, the first in (kind, id) order, so a flooder's backlog takes one
-- place per take like everyone else. Checking "does this person have an earlier pending row" on ix_outbound_contact
-- walked the person's whole history for each of a flooder's rows; this index holds only pending rows, in that order.
CREATE INDEX ix_outbox_person ON outbound_messages (contact_id, kind, id) WHERE status = 'pending';

-- Listing a broadcast's recipients (BroadcastStore.RecipientsAsync) scanned a table for every person twice over: a
-- broadcast to 30,000 people spent minutes before its first row was enqueued (85 s for the query alone on a quiet
-- machine; 0.3 s with these two indexes).
-- 1. A person linked on several channels is reached on the contact they wrote from last (PersonLinks.LastUsedContactSql:
--    the contacts with the same coalesce(person_id, id), newest inbound first). The same expressions, so SQLite uses
--    the index for the lookup and its order.
CREATE INDEX ix_contacts_person_or_self ON contacts (coalesce(person_id, id), coalesce(last_inbound_at, '') DESC, id);
-- 2. "No village yet" looks for a person's registrations by contact.
CREATE INDEX ix_submissions_contact ON submissions (contact_id);
