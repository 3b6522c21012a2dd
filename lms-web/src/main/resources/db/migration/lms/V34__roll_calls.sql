-- Roll calls (签到) in live lessons: a teacher opens a window of a few minutes and the learners present in the
-- lesson check in. Kept beside the heartbeat credit, never instead of it; a check-in is never edited or removed.
CREATE TABLE live_roll_call (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lesson_id BIGINT       NOT NULL,
    opened_by BIGINT       NOT NULL,
    opened_at TIMESTAMP(3) NOT NULL,
    closes_at TIMESTAMP(3) NOT NULL,
    KEY ix_roll_call_lesson (lesson_id, id),
    CONSTRAINT fk_roll_call_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id),
    CONSTRAINT fk_roll_call_opener FOREIGN KEY (opened_by) REFERENCES account (id)
) ENGINE=InnoDB;

CREATE TABLE live_check_in (
    roll_call_id BIGINT       NOT NULL,
    learner_id   BIGINT       NOT NULL,
    checked_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (roll_call_id, learner_id),
    CONSTRAINT fk_check_in_roll_call FOREIGN KEY (roll_call_id) REFERENCES live_roll_call (id),
    CONSTRAINT fk_check_in_learner FOREIGN KEY (learner_id) REFERENCES account (id)
) ENGINE=InnoDB;
