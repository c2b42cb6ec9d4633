-- Village records people can trust (issue 14): ownership and proposals, facilitator review, data rights (UU 27/2022).

-- Review of a submitted record: submitted → verified, or → needs_fixing → resubmitted → … (null while a draft).
ALTER TABLE submissions ADD COLUMN review_state TEXT;
ALTER TABLE submissions ADD COLUMN reviewed_by TEXT;        -- the reviewer as channel:address (or cli:<user>)
ALTER TABLE submissions ADD COLUMN reviewed_at TEXT;
ALTER TABLE submissions ADD COLUMN review_note TEXT;        -- the note of the last "needs fixing"
ALTER TABLE submissions ADD COLUMN fix_fields TEXT;         -- JSON array of the answer fields asked again
UPDATE submissions SET review_state = 'submitted' WHERE status = 'submitted';
CREATE INDEX ix_submissions_review ON submissions (review_state, village_code) WHERE review_state IS NOT NULL;

-- Every revision keeps who changed it and why ("submitted", "fixed: product.stage", "verified", "proposal 3 accepted").
ALTER TABLE submission_history ADD COLUMN changed_by TEXT;
ALTER TABLE submission_history ADD COLUMN reason TEXT;
UPDATE submission_history SET reason = 'submitted' WHERE reason IS NULL;

-- People a facilitator attached to a village's record (the village secretary, say): they may update it too.
CREATE TABLE submission_editors (
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),
    added_by      TEXT    NOT NULL,
    added_at      TEXT    NOT NULL,
    PRIMARY KEY (submission_id, contact_id)
) WITHOUT ROWID;

-- A change someone other than the record's owner proposed: kept next to the record, never over it, until the
-- area's facilitator accepts it (it becomes the record, with history) or rejects it.
CREATE TABLE submission_proposals (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),
    answers_json  TEXT    NOT NULL,
    status        TEXT    NOT NULL,            -- pending | accepted | rejected
    created_at    TEXT    NOT NULL,
    decided_by    TEXT,
    decided_at    TEXT
);
CREATE INDEX ix_proposals_pending ON submission_proposals (submission_id) WHERE status = 'pending';

-- Consent as given: when, to which version of the consent text, on which channel; a "no" is remembered here too.
CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),
    given        INTEGER NOT NULL,
    text_version TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    at           TEXT    NOT NULL
);
CREATE INDEX ix_consents_contact ON consents (contact_id, id);

-- Erased people: the contact row stays (ids hold the history together) but carries nothing personal; the address
-- is blanked once the last message to the person ("your data is erased") has left.
ALTER TABLE contacts ADD COLUMN erased_at TEXT;
