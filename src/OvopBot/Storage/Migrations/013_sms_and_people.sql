-- SMS (issue 16): our own record of every SMS handed to the gateway, and one person across channels.

-- One row per SMS the gateway accepted, under the id we gave it. The cloud relay hashes phone numbers a minute after
-- sending, so delivery events are matched to the outbox row and the person through this table only. The parts
-- (segments) are what the operator bills: costs per day, per person and per broadcast are read from here.
CREATE TABLE sms_messages (
    gateway_id   TEXT    PRIMARY KEY,                                 -- our id, e.g. "k3v9x2ab-1042-1"
    outbound_id  INTEGER NOT NULL REFERENCES outbound_messages (id),
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),
    segments     INTEGER NOT NULL,
    sent_at      TEXT    NOT NULL,
    day          TEXT    NOT NULL                                     -- the WITA day it was sent, yyyy-MM-dd
) WITHOUT ROWID;
CREATE INDEX ix_sms_messages_day ON sms_messages (day);
CREATE INDEX ix_sms_messages_outbound ON sms_messages (outbound_id);

-- Contacts that are one person share a person_id: the id of the person's first contact. Null means the contact is a
-- person of its own. The person's session (and so their village record) lives under that first contact, whichever
-- channel they write from.
ALTER TABLE contacts ADD COLUMN person_id INTEGER REFERENCES contacts (id);
CREATE INDEX ix_contacts_person ON contacts (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX ix_contacts_phone ON contacts (phone) WHERE phone IS NOT NULL;

-- A deliberate link: someone wrote a reference (OVOP-…) from a new channel; the code went to the contact that owns
-- the record. Only a SHA-256 of the code is kept. The link is made when the code comes back from the new channel.
CREATE TABLE link_requests (
    id           INTEGER PRIMARY KEY,
    from_contact INTEGER NOT NULL REFERENCES contacts (id),          -- the new channel, where the code must be typed
    to_contact   INTEGER NOT NULL REFERENCES contacts (id),          -- the contact that got the code
    code_hash    TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    used_at      TEXT
);
CREATE INDEX ix_link_requests_from ON link_requests (from_contact, id);
