-- A customer manager's qualification (seeds/002): level and validity (at most two years). Cases are
-- assigned to, and claimed by, managers whose qualification is valid that day.
CREATE TABLE manager_qualification (
    user_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    level         VARCHAR(16)  NOT NULL,
    valid_from    DATE         NOT NULL,
    valid_until   DATE         NOT NULL,
    recorded_by   VARCHAR(64),
    recorded_at   TIMESTAMP    NOT NULL
);
