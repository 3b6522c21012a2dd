-- Theory question banks (理论知识考核题库): one question assesses one learning unit. Questions are
-- retired, never deleted, so that a paper drawn earlier can always be explained.
CREATE TABLE assessment_question (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id     BIGINT        NOT NULL,
    type        VARCHAR(16)   NOT NULL,
    difficulty  INT           NOT NULL,
    stem        VARCHAR(2000) NOT NULL,
    options     TEXT          NOT NULL,
    answer      VARCHAR(8)    NOT NULL,
    explanation VARCHAR(2000) NULL,
    created_by  BIGINT        NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    updated_by  BIGINT        NOT NULL,
    updated_at  TIMESTAMP(3)  NOT NULL,
    retired_at  TIMESTAMP(3)  NULL,
    CONSTRAINT fk_question_unit FOREIGN KEY (unit_id) REFERENCES catalogue_unit (id),
    CONSTRAINT fk_question_created_by FOREIGN KEY (created_by) REFERENCES account (id),
    INDEX ix_question_unit (unit_id, retired_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A summative theory exam of a class, drawn per learner from a blueprint of section 2.3 (the basic
-- course's, or the skill course's of the class plan's level and job type).
CREATE TABLE assessment_exam (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id             BIGINT       NOT NULL,
    title                VARCHAR(200) NOT NULL,
    blueprint            VARCHAR(8)   NOT NULL,
    opens_at             TIMESTAMP(3) NOT NULL,
    closes_at            TIMESTAMP(3) NOT NULL,
    duration_minutes     INT          NOT NULL,
    points_single        INT          NOT NULL,
    points_multiple      INT          NOT NULL,
    points_true_false    INT          NOT NULL,
    pass_mark            INT          NOT NULL,
    answers_released_at  TIMESTAMP(3) NULL,
    created_by           BIGINT       NOT NULL,
    created_at           TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_exam_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_exam_created_by FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One learner's sitting of an exam. The deadline is fixed when it starts; the seed reproduces the draw.
CREATE TABLE assessment_attempt (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    exam_id      BIGINT       NOT NULL,
    learner_id   BIGINT       NOT NULL,
    number       INT          NOT NULL,
    seed         BIGINT       NOT NULL,
    started_at   TIMESTAMP(3) NOT NULL,
    deadline     TIMESTAMP(3) NOT NULL,
    submitted_at TIMESTAMP(3) NULL,
    submitted_by VARCHAR(16)  NULL,
    score        INT          NULL,
    max_score    INT          NOT NULL,
    CONSTRAINT uk_attempt UNIQUE (exam_id, learner_id, number),
    CONSTRAINT fk_attempt_exam FOREIGN KEY (exam_id) REFERENCES assessment_exam (id),
    CONSTRAINT fk_attempt_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    INDEX ix_attempt_open (submitted_at, deadline)
) ENGINE=InnoDB;

-- The questions of an attempt as they were drawn (a copy: editing the bank later changes no paper).
CREATE TABLE assessment_attempt_item (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    attempt_id     BIGINT        NOT NULL,
    position       INT           NOT NULL,
    question_id    BIGINT        NOT NULL,
    module_code    VARCHAR(8)    NOT NULL,
    module_name    VARCHAR(200)  NOT NULL,
    course_code    VARCHAR(8)    NOT NULL,
    unit_name      VARCHAR(200)  NOT NULL,
    type           VARCHAR(16)   NOT NULL,
    stem           VARCHAR(2000) NOT NULL,
    options        TEXT          NOT NULL,
    correct_answer VARCHAR(8)    NOT NULL,
    explanation    VARCHAR(2000) NULL,
    points         INT           NOT NULL,
    answer         VARCHAR(8)    NULL,
    answered_at    TIMESTAMP(3)  NULL,
    awarded        INT           NULL,
    CONSTRAINT uk_attempt_item UNIQUE (attempt_id, position),
    CONSTRAINT fk_item_attempt FOREIGN KEY (attempt_id) REFERENCES assessment_attempt (id),
    CONSTRAINT fk_item_question FOREIGN KEY (question_id) REFERENCES assessment_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A further attempt granted by a teacher (one attempt each unless granted), with the reason.
CREATE TABLE assessment_attempt_grant (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    exam_id    BIGINT       NOT NULL,
    learner_id BIGINT       NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    granted_by BIGINT       NOT NULL,
    granted_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_grant_exam FOREIGN KEY (exam_id) REFERENCES assessment_exam (id),
    CONSTRAINT fk_grant_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    INDEX ix_grant_exam_learner (exam_id, learner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
