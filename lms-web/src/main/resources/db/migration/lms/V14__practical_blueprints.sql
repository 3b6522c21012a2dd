-- Practical-exam blueprints of section 2.3 (操作技能考核规范), one row per assessed content: its module's and
-- its own weight (%), form (实操 / 笔试), selection (必考 / 选考), minutes and importance (X / Y) as the seed
-- writes them. The import of edition 2021 changed (new files), so the next start imports it as a new
-- edition beside the old one, which plans made earlier keep using.
CREATE TABLE catalogue_practical_content (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition_id     BIGINT       NOT NULL,
    section        VARCHAR(16)  NOT NULL,
    level          VARCHAR(2)   NOT NULL,
    job_type       VARCHAR(24)  NOT NULL,
    title          VARCHAR(200) NOT NULL,
    module_code    VARCHAR(8)   NOT NULL,
    module_name    VARCHAR(200) NOT NULL,
    module_weight  INT          NOT NULL,
    content_code   VARCHAR(8)   NOT NULL,
    content_name   VARCHAR(200) NOT NULL,
    content_weight INT          NOT NULL,
    form           VARCHAR(8)   NOT NULL,
    selection      VARCHAR(8)   NOT NULL,
    minutes        INT          NOT NULL,
    importance     VARCHAR(1)   NOT NULL,
    seed_line      INT          NOT NULL,
    position       INT          NOT NULL,
    CONSTRAINT fk_practical_edition FOREIGN KEY (edition_id) REFERENCES catalogue_edition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
