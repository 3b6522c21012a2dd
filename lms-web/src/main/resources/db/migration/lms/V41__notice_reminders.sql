-- A personal notice (a study reminder): to one learner of its class, seen only by that learner and its author.
ALTER TABLE notice
    ADD COLUMN recipient_id BIGINT NULL,
    ADD CONSTRAINT fk_notice_recipient FOREIGN KEY (recipient_id) REFERENCES account (id),
    ADD KEY ix_notice_recipient (recipient_id, class_id, published_at);

-- One row per class that has sent reminders: a request to send takes its row's lock first (INSERT … ON DUPLICATE KEY
-- UPDATE), so that two identical requests at once are served one after the other and the second finds the first's
-- reminders (sent within 12 hours: skipped) instead of sending them again.
CREATE TABLE notice_reminder_gate (
    class_id     BIGINT       NOT NULL PRIMARY KEY,
    last_sent_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_notice_reminder_gate_class FOREIGN KEY (class_id) REFERENCES training_class (id)
) ENGINE=InnoDB;
