-- Issue 21 (typed words): the lists a review keeps, one row per item instead of joined in one column:
-- the rule versions it opened under (were rule_versions, joined with a line break), the ledger records a finding cites
-- (were review_finding.evidence, joined with ","), the clauses a determination names (were review_determination.clauses,
-- joined with ","). Each in its order (item_no, from 1). The old values are moved by V32 (Java: the split is the same
-- on H2 and PostgreSQL), which then drops the joined columns. Portable SQL.
CREATE TABLE review_rule_version (
    review_id          VARCHAR(64)   NOT NULL,
    item_no            INTEGER       NOT NULL,
    rule_version       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (review_id, item_no),
    CONSTRAINT fk_review_rule_version_review FOREIGN KEY (review_id) REFERENCES accountability_review (review_id)
);

CREATE TABLE review_finding_evidence (
    review_id          VARCHAR(64)   NOT NULL,
    finding_no         INTEGER       NOT NULL,
    item_no            INTEGER       NOT NULL,
    sequence_no        INTEGER       NOT NULL,
    PRIMARY KEY (review_id, finding_no, item_no),
    CONSTRAINT fk_review_finding_evidence_finding FOREIGN KEY (review_id, finding_no)
        REFERENCES review_finding (review_id, finding_no)
);

CREATE TABLE review_determination_clause (
    review_id          VARCHAR(64)   NOT NULL,
    manager            VARCHAR(64)   NOT NULL,
    determination_round VARCHAR(16)  NOT NULL,
    item_no            INTEGER       NOT NULL,
    clause             VARCHAR(200)  NOT NULL,
    PRIMARY KEY (review_id, manager, determination_round, item_no),
    CONSTRAINT fk_review_determination_clause FOREIGN KEY (review_id, manager, determination_round)
        REFERENCES review_determination (review_id, manager, determination_round)
);
