-- Issue 17: whether the case's evidence chain verified when the review opened, and if not, its first broken record.
-- Read from the ledger by the review's own step, never from a process variable; null on reviews opened before.
ALTER TABLE accountability_review ADD COLUMN evidence_intact BOOLEAN;
ALTER TABLE accountability_review ADD COLUMN evidence_broken_at INTEGER;
ALTER TABLE accountability_review ADD COLUMN evidence_broken_reason VARCHAR(1000);
ALTER TABLE accountability_review ADD COLUMN evidence_verified_at TIMESTAMP;
