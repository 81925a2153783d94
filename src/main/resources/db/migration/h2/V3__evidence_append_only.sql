-- The ledger is append-only: the database itself refuses to change or remove a record.
CREATE TRIGGER evidence_record_no_update BEFORE UPDATE ON evidence_record
    FOR EACH ROW CALL 'com.creditdiligence.evidence.AppendOnlyH2Trigger';
CREATE TRIGGER evidence_record_no_delete BEFORE DELETE ON evidence_record
    FOR EACH ROW CALL 'com.creditdiligence.evidence.AppendOnlyH2Trigger';
