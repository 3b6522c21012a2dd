-- Editions of the training package's course pack. An edition is immutable once imported: a corrected
-- edition is a new row, so plans and records that point at units of an earlier edition stay valid.
CREATE TABLE catalogue_edition (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code         VARCHAR(32)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    imported_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_catalogue_edition UNIQUE (code, content_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalogue_allocation (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id   BIGINT      NOT NULL,
    level        VARCHAR(2)  NOT NULL,
    basic_hours  INT         NOT NULL,
    skill_hours  INT         NOT NULL,
    other_hours  INT         NOT NULL,
    total_hours  INT         NOT NULL,
    CONSTRAINT fk_allocation_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id),
    CONSTRAINT uk_allocation UNIQUE (edition_id, level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One table of section 1.1.2: the basic course (level and job type null) or a level x job type skill course.
CREATE TABLE catalogue_table (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id         BIGINT       NOT NULL,
    section            VARCHAR(16)  NOT NULL,
    level              VARCHAR(2)   NULL,
    job_type           VARCHAR(24)  NULL,
    title              VARCHAR(200) NOT NULL,
    stated_total_hours INT          NOT NULL,
    seed_first_line    INT          NOT NULL,
    seed_last_line     INT          NOT NULL,
    position           INT          NOT NULL,
    CONSTRAINT fk_table_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalogue_module (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    table_id BIGINT       NOT NULL,
    code     VARCHAR(8)   NOT NULL,
    name     VARCHAR(200) NOT NULL,
    position INT          NOT NULL,
    CONSTRAINT fk_module_table FOREIGN KEY (table_id) REFERENCES catalogue_table (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalogue_course (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    module_id BIGINT       NOT NULL,
    code      VARCHAR(8)   NOT NULL,
    name      VARCHAR(200) NOT NULL,
    position  INT          NOT NULL,
    CONSTRAINT fk_course_module FOREIGN KEY (module_id) REFERENCES catalogue_module (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalogue_unit (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    course_id BIGINT       NOT NULL,
    seq       INT          NULL,
    name      VARCHAR(200) NOT NULL,
    hours     INT          NOT NULL,
    seed_line INT          NOT NULL,
    position  INT          NOT NULL,
    CONSTRAINT fk_unit_course FOREIGN KEY (course_id) REFERENCES catalogue_course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where the seed contradicts itself; found at import, never corrected silently.
CREATE TABLE catalogue_discrepancy (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id BIGINT       NOT NULL,
    section    VARCHAR(16)  NOT NULL,
    level      VARCHAR(2)   NULL,
    job_type   VARCHAR(24)  NULL,
    kind       VARCHAR(40)  NOT NULL,
    message    VARCHAR(500) NOT NULL,
    seed_lines VARCHAR(100) NOT NULL,
    CONSTRAINT fk_discrepancy_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
