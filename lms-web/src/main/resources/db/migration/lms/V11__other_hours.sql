-- Other hours (其他学时: internship, site visits, self-study…), entered per learner by a teacher of the
-- class with a note; they count toward the total hours only, never toward classroom hours. An entry is
-- never changed or deleted: a mistake is withdrawn with a reason, and stays on record.
CREATE TABLE other_hours (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id        BIGINT        NOT NULL,
    learner_id      BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    minutes         INT           NOT NULL,
    on_date         DATE          NOT NULL,
    note            VARCHAR(1000) NOT NULL,
    entered_by      BIGINT        NOT NULL,
    entered_at      TIMESTAMP(3)  NOT NULL,
    withdrawn_by    BIGINT        NULL,
    withdrawn_at    TIMESTAMP(3)  NULL,
    withdraw_reason VARCHAR(500)  NULL,
    CONSTRAINT fk_other_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_other_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    CONSTRAINT fk_other_entered_by FOREIGN KEY (entered_by) REFERENCES account (id),
    INDEX ix_other_class_learner (class_id, learner_id)
) ENGINE=InnoDB;
