-- Practical exams (操作技能考核) of a class, one task per row of the practical blueprint of section 2.3 for
-- the class plan's level and job type. A task copies its blueprint row (module, content, weight, form,
-- minutes, importance) so that a later edition of the package never changes an exam already set.
CREATE TABLE practical_exam (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id    BIGINT       NOT NULL,
    title       VARCHAR(200) NOT NULL,
    section     VARCHAR(16)  NOT NULL,
    opens_at    TIMESTAMP(3) NOT NULL,
    closes_at   TIMESTAMP(3) NOT NULL,
    pass_mark   INT          NOT NULL,
    created_by  BIGINT       NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_practical_exam_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_practical_exam_by FOREIGN KEY (created_by) REFERENCES account (id),
    INDEX ix_practical_exam_class (class_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rubric is a JSON array of criteria {"criterion", "points", "descriptor"}; it can change until the task's
-- first grade, never after (grades refer to its criteria by position).
CREATE TABLE practical_task (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    exam_id       BIGINT        NOT NULL,
    position      INT           NOT NULL,
    module_code   VARCHAR(8)    NOT NULL,
    module_name   VARCHAR(200)  NOT NULL,
    module_weight INT           NOT NULL,
    content_code  VARCHAR(8)    NOT NULL,
    content_name  VARCHAR(200)  NOT NULL,
    weight        INT           NOT NULL,
    form          VARCHAR(16)   NOT NULL,
    minutes       INT           NOT NULL,
    importance    VARCHAR(1)    NOT NULL,
    instructions  VARCHAR(4000) NOT NULL,
    rubric        TEXT          NOT NULL,
    CONSTRAINT fk_practical_task_exam FOREIGN KEY (exam_id) REFERENCES practical_exam (id),
    UNIQUE KEY uq_practical_task (exam_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A learner's work on a task: a text answer and, for hands-on tasks, a document (PDF, JPEG or PNG, checked by
-- its bytes). Replaceable while the exam is open and the work is not graded.
CREATE TABLE practical_submission (
    task_id       BIGINT        NOT NULL,
    learner_id    BIGINT        NOT NULL,
    answer_text   TEXT          NULL,
    file_name     VARCHAR(255)  NULL,
    content_type  VARCHAR(64)   NULL,
    size_bytes    INT           NULL,
    sha256        CHAR(64)      NULL,
    content       MEDIUMBLOB    NULL,
    revision      INT           NOT NULL,
    submitted_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (task_id, learner_id),
    CONSTRAINT fk_practical_submission_task FOREIGN KEY (task_id) REFERENCES practical_task (id),
    CONSTRAINT fk_practical_submission_learner FOREIGN KEY (learner_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A teacher's grade of a learner's work: points per rubric criterion (a JSON array in the rubric's order),
-- their sum, and a comment. A regrade replaces it and is audited.
CREATE TABLE practical_grade (
    task_id     BIGINT        NOT NULL,
    learner_id  BIGINT        NOT NULL,
    points      VARCHAR(1000) NOT NULL,
    awarded     INT           NOT NULL,
    max_points  INT           NOT NULL,
    comment     VARCHAR(2000) NULL,
    graded_by   BIGINT        NOT NULL,
    graded_at   TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (task_id, learner_id),
    CONSTRAINT fk_practical_grade_task FOREIGN KEY (task_id) REFERENCES practical_task (id),
    CONSTRAINT fk_practical_grade_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    CONSTRAINT fk_practical_grade_by FOREIGN KEY (graded_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
