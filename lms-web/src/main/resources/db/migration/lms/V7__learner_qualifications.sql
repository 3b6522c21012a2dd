-- What entitles a learner to a plan above level 5: a certificate of a lower level (with its date), or
-- a teacher's approval with a recorded reason (qualifying for the higher assessment under the
-- national standard).
CREATE TABLE learner_qualification (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    level       VARCHAR(2)   NOT NULL,
    dated       DATE         NOT NULL,
    reference   VARCHAR(100) NULL,
    reason      VARCHAR(500) NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_learner_qualification_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_learner_qualification_account ON learner_qualification (account_id);
