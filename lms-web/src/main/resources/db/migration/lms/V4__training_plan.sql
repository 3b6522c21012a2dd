CREATE TABLE training_plan (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id     BIGINT       NOT NULL,
    name           VARCHAR(200) NOT NULL,
    level          VARCHAR(2)   NOT NULL,
    job_type       VARCHAR(24)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    employer_order VARCHAR(200) NULL,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_plan_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE training_plan_unit (
    plan_id BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    PRIMARY KEY (plan_id, unit_id),
    CONSTRAINT fk_plan_unit_plan FOREIGN KEY (plan_id) REFERENCES training_plan (id),
    CONSTRAINT fk_plan_unit_unit FOREIGN KEY (unit_id) REFERENCES catalogue_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
