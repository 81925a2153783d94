-- The ledger's global order, for the Merkle tree over all cases (evidence/transparency): leaf i is the record
-- placed i-th. Places are handed out after commit by one sequencer at a time (the lock on evidence_tree), not in
-- the appending transaction: a completion waits on no lock it did not wait on before.
-- No foreign key to evidence_record: a record removed behind the application's back must leave its place
-- behind, for the consistency check to name it.
CREATE TABLE evidence_leaf (
    leaf_index BIGINT NOT NULL PRIMARY KEY,
    record_id  BIGINT NOT NULL,
    CONSTRAINT uq_evidence_leaf_record UNIQUE (record_id)
);

-- One row: the sequencers' lock.
CREATE TABLE evidence_tree (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO evidence_tree (id) VALUES (1);
