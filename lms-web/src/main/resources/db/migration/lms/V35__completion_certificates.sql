-- Completion certificates (结业证明): issued once a learner meets every requirement of the class's outcome. What the
-- certificate states is kept as issued (facts, JSON), so that later changes to the records never change a certificate
-- already handed out; anyone may confirm it by its random code; it is revoked, never deleted. records_note is set
-- when an administrator issued it although the class's attendance records did not verify, saying what they checked.
-- At most one valid
-- certificate per learner and class (valid_flag is NULL once revoked, so revoked ones do not count).
CREATE TABLE completion_certificate (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code          CHAR(16)     NOT NULL,
    class_id      BIGINT       NOT NULL,
    learner_id    BIGINT       NOT NULL,
    issued_at     TIMESTAMP(3) NOT NULL,
    issued_by     BIGINT       NOT NULL,
    facts         TEXT         NOT NULL,
    records_note  VARCHAR(200) NULL,
    revoked_at    TIMESTAMP(3) NULL,
    revoked_by    BIGINT       NULL,
    revoke_reason VARCHAR(200) NULL,
    valid_flag    TINYINT      AS (IF(revoked_at IS NULL, 1, NULL)) STORED,
    UNIQUE KEY uq_certificate_code (code),
    UNIQUE KEY uq_certificate_valid (class_id, learner_id, valid_flag),
    KEY ix_certificate_learner (learner_id),
    CONSTRAINT fk_certificate_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_certificate_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    CONSTRAINT fk_certificate_issuer FOREIGN KEY (issued_by) REFERENCES account (id),
    CONSTRAINT fk_certificate_revoker FOREIGN KEY (revoked_by) REFERENCES account (id)
) ENGINE=InnoDB;
