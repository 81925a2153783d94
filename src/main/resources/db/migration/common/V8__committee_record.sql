-- Deciding facts of the committee kept by service code (issue 15): the gateways and the rules read them
-- here, never from process variables, which a business user can write. Portable SQL: H2 and PostgreSQL.

-- Who applied (the authenticated starter; case_manager changes with a reassignment, this never does),
-- and the recommendation of the manager's accepted evaluation.
ALTER TABLE case_file ADD COLUMN applied_by VARCHAR(64);
ALTER TABLE case_file ADD COLUMN recommendation VARCHAR(32);
-- Cases opened before: the starter was the first case manager; the ledger's start record says who.
UPDATE case_file SET applied_by = case_manager WHERE applied_by IS NULL;

-- The approval authority the table gave for the case file's product and amount, when it was determined.
CREATE TABLE committee_authority (
    process_instance_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    business_key        VARCHAR(32)    NOT NULL,
    product             VARCHAR(40)    NOT NULL,
    amount              NUMERIC(18, 2) NOT NULL,
    voters_required     INTEGER        NOT NULL,
    approvals_required  INTEGER        NOT NULL,
    determined_at       TIMESTAMP      NOT NULL
);

-- Each round of the committee: the authority it votes under and when it was convened.
CREATE TABLE committee_round (
    process_instance_id VARCHAR(64) NOT NULL,
    business_key        VARCHAR(32) NOT NULL,
    committee_round     INTEGER     NOT NULL,
    voters_required     INTEGER     NOT NULL,
    approvals_required  INTEGER     NOT NULL,
    seats_drawn         INTEGER     NOT NULL,
    convened_at         TIMESTAMP   NOT NULL,
    CONSTRAINT pk_committee_round PRIMARY KEY (process_instance_id, committee_round)
);

-- The members drawn in a round, one seat each, and the vote task the seat was given (bound when the
-- task is created). A member is drawn at most once per case.
CREATE TABLE committee_seat (
    process_instance_id VARCHAR(64) NOT NULL,
    business_key        VARCHAR(32) NOT NULL,
    committee_round     INTEGER     NOT NULL,
    seat                INTEGER     NOT NULL,
    member_id           VARCHAR(64) NOT NULL,
    task_id             VARCHAR(64) UNIQUE,
    CONSTRAINT pk_committee_seat PRIMARY KEY (process_instance_id, committee_round, seat),
    CONSTRAINT uq_committee_seat_member UNIQUE (process_instance_id, member_id)
);

-- The recommendation the decision was compared with, kept beside the decision.
ALTER TABLE committee_decision ADD COLUMN recommendation VARCHAR(32);
