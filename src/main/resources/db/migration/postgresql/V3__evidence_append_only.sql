-- The ledger is append-only: the database itself refuses to change or remove a record.
CREATE FUNCTION refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evidence_record is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER evidence_record_append_only
    BEFORE UPDATE OR DELETE ON evidence_record
    FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change();

CREATE TRIGGER evidence_record_no_truncate
    BEFORE TRUNCATE ON evidence_record
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change();
