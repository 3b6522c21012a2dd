-- Theory-exam blueprints of section 2.3, one row per assessed course: module and course weights (%)
-- and the names of the assessed units as the blueprint spells them (newline-separated).
CREATE TABLE catalogue_blueprint_course (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id     BIGINT        NOT NULL,
    section        VARCHAR(16)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    level          VARCHAR(2)    NULL,
    job_type       VARCHAR(24)   NULL,
    title          VARCHAR(200)  NOT NULL,
    module_code    VARCHAR(8)    NOT NULL,
    module_name    VARCHAR(200)  NOT NULL,
    module_weight  INT           NOT NULL,
    course_code    VARCHAR(8)    NOT NULL,
    course_name    VARCHAR(200)  NOT NULL,
    course_weight  INT           NOT NULL,
    assessed_units VARCHAR(2000) NOT NULL,
    seed_line      INT           NOT NULL,
    position       INT           NOT NULL,
    CONSTRAINT fk_blueprint_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The import of edition 2021 changed: its content hash differs, so the next start imports it as a new
-- edition (with blueprints) beside the old one, which plans made earlier keep using.
