-- Accountability reviews (§27, §28, 金规〔2024〕11号). The ledger holds the evidence of every step;
-- these tables hold the review's current state so that a manager's record can be read across cases.

-- One row per review of a case; review_id is the review process instance.
CREATE TABLE accountability_review (
    review_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    business_key       VARCHAR(32)   NOT NULL,
    review_trigger     VARCHAR(40)   NOT NULL,
    reason             VARCHAR(4000),
    opened_by          VARCHAR(64),
    opened_at          TIMESTAMP     NOT NULL,
    due_at             TIMESTAMP     NOT NULL,
    auditor            VARCHAR(64),
    closed_at          TIMESTAMP,
    rule_versions      VARCHAR(4000) NOT NULL
);
CREATE INDEX ix_accountability_review_case ON accountability_review (business_key);

-- Draft findings from the duty facts, and the findings only an auditor can judge (§27(一)(六)(七)).
CREATE TABLE review_finding (
    review_id          VARCHAR(64)   NOT NULL,
    finding_no         INTEGER       NOT NULL,
    manager            VARCHAR(64)   NOT NULL,
    origin             VARCHAR(16)   NOT NULL,
    duty_code          VARCHAR(64),
    stage              VARCHAR(40)   NOT NULL,
    clause             VARCHAR(40)   NOT NULL,
    severity           VARCHAR(16)   NOT NULL,
    explanation        VARCHAR(4000) NOT NULL,
    evidence           VARCHAR(1000) NOT NULL,
    due_at             TIMESTAMP,
    rule_version       VARCHAR(200),
    status             VARCHAR(16)   NOT NULL,
    status_reason      VARCHAR(4000),
    judged_by          VARCHAR(64),
    PRIMARY KEY (review_id, finding_no),
    CONSTRAINT fk_review_finding_review FOREIGN KEY (review_id) REFERENCES accountability_review (review_id)
);
CREATE INDEX ix_review_finding_manager ON review_finding (manager);

-- The board's determination per manager: the first one, and the appeal's (which never aggravates it).
CREATE TABLE review_determination (
    review_id          VARCHAR(64)   NOT NULL,
    manager            VARCHAR(64)   NOT NULL,
    determination_round VARCHAR(16)  NOT NULL,
    tier               VARCHAR(16)   NOT NULL,
    clauses            VARCHAR(1000) NOT NULL,
    rationale          VARCHAR(4000) NOT NULL,
    eligible_for_exemption BOOLEAN   NOT NULL,
    decided_by         VARCHAR(64)   NOT NULL,
    decided_at         TIMESTAMP     NOT NULL,
    PRIMARY KEY (review_id, manager, determination_round),
    CONSTRAINT fk_review_determination_review FOREIGN KEY (review_id) REFERENCES accountability_review (review_id)
);
CREATE INDEX ix_review_determination_manager ON review_determination (manager);
