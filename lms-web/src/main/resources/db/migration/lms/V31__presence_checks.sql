-- Presence checks (face): the class's setting, the hold on a playback session's credit while a check is due, the
-- learners' consent and reference photo (the photo itself is in object storage, encrypted, under media-service), other
-- verifications recorded by an administrator, and every check with its outcome and review.
ALTER TABLE training_class
    ADD COLUMN presence_checks_per_hour INT NULL,
    ADD COLUMN presence_answer_seconds  INT NULL;

ALTER TABLE playback_session ADD COLUMN held_from_ms BIGINT NULL;

CREATE TABLE presence_consent (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    learner_id   BIGINT       NOT NULL,
    text_version VARCHAR(20)  NOT NULL,
    given_at     TIMESTAMP(3) NOT NULL,
    withdrawn_at TIMESTAMP(3) NULL,
    KEY ix_consent_learner (learner_id)
) ENGINE=InnoDB;

CREATE TABLE face_enrolment (
    learner_id  BIGINT       NOT NULL PRIMARY KEY,
    subject     CHAR(36)     NOT NULL,
    source      VARCHAR(10)  NOT NULL,
    enrolled_at TIMESTAMP(3) NOT NULL,
    enrolled_by BIGINT       NOT NULL,
    CONSTRAINT uk_face_subject UNIQUE (subject)
) ENGINE=InnoDB;

CREATE TABLE presence_waiver (
    class_id    BIGINT       NOT NULL,
    learner_id  BIGINT       NOT NULL,
    method      VARCHAR(500) NOT NULL,
    recorded_by BIGINT       NOT NULL,
    recorded_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (class_id, learner_id)
) ENGINE=InnoDB;

CREATE TABLE presence_check (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    session_id       CHAR(36)     NOT NULL,
    class_id         BIGINT       NOT NULL,
    learner_id       BIGINT       NOT NULL,
    unit_id          BIGINT       NOT NULL,
    subject          CHAR(36)     NULL,
    due_ms           BIGINT       NOT NULL,
    due_at           TIMESTAMP(3) NOT NULL,
    asked_at         TIMESTAMP(3) NULL,
    passed_until_ms  BIGINT       NOT NULL,
    state            VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    outcome          VARCHAR(20)  NULL,
    distance         DOUBLE       NULL,
    motion           DOUBLE       NULL,
    decided_at       TIMESTAMP(3) NULL,
    withheld_seconds INT          NOT NULL DEFAULT 0,
    withheld_spans   TEXT         NULL,
    frames_kept      BOOLEAN      NOT NULL DEFAULT FALSE,
    reviewed_by      BIGINT       NULL,
    reviewed_at      TIMESTAMP(3) NULL,
    review_note      VARCHAR(500) NULL,
    KEY ix_check_session (session_id),
    KEY ix_check_class (class_id, state),
    KEY ix_check_open (state, due_at),
    KEY ix_check_learner (learner_id)
) ENGINE=InnoDB;
