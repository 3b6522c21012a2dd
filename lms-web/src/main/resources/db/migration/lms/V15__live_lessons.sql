-- Live online lessons. What a lesson shows is its stage, set by a teacher of the class: a published lesson
-- video played in sync for the whole class (playing, at position_ms when changed_at), or an external meeting
-- link. version grows with every change, so every node's event streams see that it changed.
CREATE TABLE live_stage (
    lesson_id   BIGINT       NOT NULL PRIMARY KEY,
    resource_id BIGINT       NULL,
    meeting_url VARCHAR(500) NULL,
    playing     BOOLEAN      NOT NULL DEFAULT FALSE,
    position_ms BIGINT       NOT NULL DEFAULT 0,
    changed_at  TIMESTAMP(3) NOT NULL,
    changed_by  BIGINT       NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT fk_stage_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id),
    CONSTRAINT fk_stage_resource FOREIGN KEY (resource_id) REFERENCES resource (id)
) ENGINE=InnoDB;

-- The lesson's text Q&A: questions by learners, answers (reply_to) by anyone of the class. Never edited.
CREATE TABLE live_message (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lesson_id BIGINT        NOT NULL,
    author_id BIGINT        NOT NULL,
    body      VARCHAR(1000) NOT NULL,
    reply_to  BIGINT        NULL,
    posted_at TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_message_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id),
    CONSTRAINT fk_message_author FOREIGN KEY (author_id) REFERENCES account (id),
    INDEX ix_message_lesson (lesson_id, id)
) ENGINE=InnoDB;

-- A learner present in a live lesson, from joining until a newer activity (another tab, a lesson video)
-- ends it. Its heartbeats are judged by LivePolicy and kept in the class's attendance chain.
CREATE TABLE live_session (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    lesson_id        BIGINT       NOT NULL,
    learner_id       BIGINT       NOT NULL,
    class_id         BIGINT       NOT NULL,
    unit_id          BIGINT       NOT NULL,
    opened_at        TIMESTAMP(3) NOT NULL,
    last_seq         BIGINT       NOT NULL DEFAULT 0,
    last_elapsed_ms  BIGINT       NOT NULL DEFAULT 0,
    credited_seconds INT          NOT NULL DEFAULT 0,
    last_beat_at     TIMESTAMP(3) NULL,
    ended_at         TIMESTAMP(3) NULL,
    ended_reason     VARCHAR(32)  NULL,
    CONSTRAINT fk_live_session_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id),
    CONSTRAINT fk_live_session_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    INDEX ix_live_session_learner_open (learner_id, ended_at),
    INDEX ix_live_session_lesson (lesson_id, learner_id)
) ENGINE=InnoDB;

-- The seconds of a lesson's window a learner has been credited (one bit per second), whatever the session:
-- two tabs or a rejoin never count a second twice.
CREATE TABLE live_attendance (
    lesson_id        BIGINT          NOT NULL,
    learner_id       BIGINT          NOT NULL,
    seconds          VARBINARY(8192) NOT NULL,
    credited_seconds INT             NOT NULL,
    PRIMARY KEY (lesson_id, learner_id)
) ENGINE=InnoDB;
