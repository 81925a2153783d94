-- The process definition a record was made under, as a column of its own (the engine's id,
-- guarantee-lifecycle:3:…), and the canonical form each record was hashed under (evidence/CanonicalForm).
-- Records already written keep their hash and are verified under credit-diligence-ledger-v1 forever; their
-- process_definition_id stays null (rewriting them would break the append-only ledger: their hash does not cover
-- the column, and the replay falls back to their rule_set_version text). Records written from now on name
-- credit-diligence-ledger-v2, whose hash covers process_definition_id.
-- Adding columns changes no row: the append-only triggers of V3 stay as they are and keep refusing updates.
ALTER TABLE evidence_record ADD COLUMN process_definition_id VARCHAR(64);
ALTER TABLE evidence_record ADD COLUMN canonical_version VARCHAR(40) DEFAULT 'credit-diligence-ledger-v1' NOT NULL;
-- Every writer from now on names the version it hashed under: no default.
ALTER TABLE evidence_record ALTER COLUMN canonical_version DROP DEFAULT;
