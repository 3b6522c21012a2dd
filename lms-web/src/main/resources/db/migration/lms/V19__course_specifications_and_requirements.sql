-- Course specifications of section 2.2 (培训课程规范), one row per learning unit as section 2.2 lists it: its
-- module and course (as 2.2 names them), content outline, teaching methods, key and difficult points and class
-- hours. Section 2.2 does not always list the units of 1.1.2 (a course may have one unit where 1.1.2 has two),
-- so a row is matched to the units of 1.1.2 by course code when read (SpecMatch), never by a foreign key.
CREATE TABLE catalogue_unit_spec (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id   BIGINT       NOT NULL,
    section      VARCHAR(16)  NOT NULL,
    level        VARCHAR(2)   NULL,
    job_type     VARCHAR(24)  NULL,
    module_code  VARCHAR(8)   NOT NULL,
    module_name  VARCHAR(200) NOT NULL,
    course_code  VARCHAR(8)   NOT NULL,
    course_name  VARCHAR(200) NOT NULL,
    seq          INT          NULL,
    name         VARCHAR(200) NOT NULL,
    hours        INT          NOT NULL,
    content      LONGTEXT     NOT NULL,
    methods      VARCHAR(300) NOT NULL,
    key_points   TEXT         NOT NULL,
    seed_line    INT          NOT NULL,
    position     INT          NOT NULL,
    CONSTRAINT fk_unit_spec_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id),
    INDEX ix_unit_spec_course (edition_id, level, job_type, course_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The teaching methods of section 2.2.7 (培训建议中培训方法说明) that the specifications name.
CREATE TABLE catalogue_teaching_method (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id  BIGINT       NOT NULL,
    name        VARCHAR(40)  NOT NULL,
    description TEXT         NOT NULL,
    seed_line   INT          NOT NULL,
    position    INT          NOT NULL,
    CONSTRAINT fk_teaching_method_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Training requirements of section 2.1 (培训要求), one row per training content (a course of 1.1.2 by code): its
-- skill targets with their training items as JSON ([{"code", "text", "items": [...]}]), or, for the basic course,
-- its training items only.
CREATE TABLE catalogue_requirement (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id    BIGINT       NOT NULL,
    section       VARCHAR(16)  NOT NULL,
    level         VARCHAR(2)   NULL,
    job_type      VARCHAR(24)  NULL,
    module_code   VARCHAR(8)   NOT NULL,
    module_name   VARCHAR(200) NOT NULL,
    content_code  VARCHAR(8)   NOT NULL,
    content_name  VARCHAR(200) NOT NULL,
    targets       LONGTEXT     NOT NULL,
    items         TEXT         NOT NULL,
    seed_line     INT          NOT NULL,
    position      INT          NOT NULL,
    CONSTRAINT fk_requirement_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id),
    INDEX ix_requirement_content (edition_id, level, job_type, content_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sections 1.1.3 (培训课程选择指导: how plans are composed) and 1.3.1 (师资配备要求: who may teach which levels, how
-- many teachers a class needs) as the edition's data, one JSON document; null in editions imported before.
ALTER TABLE catalogue_edition ADD COLUMN package_rules LONGTEXT NULL;
