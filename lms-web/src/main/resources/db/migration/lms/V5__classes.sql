-- Teachers' certificates and professional titles, with the dates the qualification rules need.
CREATE TABLE teacher_credential (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    level       VARCHAR(2)   NULL,
    title_grade VARCHAR(16)  NULL,
    issued_on   DATE         NOT NULL,
    reference   VARCHAR(100) NOT NULL,
    CONSTRAINT fk_credential_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A class (培训班): a plan delivered to learners by teachers on a schedule.
CREATE TABLE training_class (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    plan_id              BIGINT       NOT NULL,
    delivery_mode        VARCHAR(16)  NOT NULL,
    starts_on            DATE         NOT NULL,
    ends_on              DATE         NOT NULL,
    leads_to_certificate BOOLEAN      NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    class_hour_minutes   INT          NULL,
    activated_at         TIMESTAMP(3) NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_class_plan FOREIGN KEY (plan_id) REFERENCES training_plan (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE class_learner (
    class_id   BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (class_id, account_id),
    CONSTRAINT fk_class_learner_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_class_learner_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB;

CREATE TABLE class_teacher (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id   BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    duty       VARCHAR(16) NOT NULL,
    CONSTRAINT uk_class_teacher UNIQUE (class_id, account_id, duty),
    CONSTRAINT fk_class_teacher_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_class_teacher_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB;

CREATE TABLE lesson (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id    BIGINT      NOT NULL,
    unit_id     BIGINT      NOT NULL,
    lesson_date DATE        NOT NULL,
    start_time  TIME        NOT NULL,
    class_hours INT         NOT NULL,
    teacher_id  BIGINT      NOT NULL,
    mode        VARCHAR(16) NOT NULL,
    CONSTRAINT fk_lesson_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_lesson_unit FOREIGN KEY (unit_id) REFERENCES catalogue_unit (id),
    CONSTRAINT fk_lesson_teacher FOREIGN KEY (teacher_id) REFERENCES account (id)
) ENGINE=InnoDB;

CREATE INDEX ix_lesson_class ON lesson (class_id, lesson_date, start_time);
