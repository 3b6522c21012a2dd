-- Resource packs (资源包): teaching, learning, assessment and information resources. The bytes live in
-- object storage as media-service assets; a version names its asset by the id lms-web generated.
CREATE TABLE resource (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category             VARCHAR(16)   NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    unit_id              BIGINT        NULL,
    level                VARCHAR(2)    NULL,
    job_type             VARCHAR(24)   NULL,
    title                VARCHAR(200)  NOT NULL,
    description          VARCHAR(4000) NULL,
    link_url             VARCHAR(2000) NULL,
    created_by           BIGINT        NOT NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    published_version_id BIGINT        NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_resource_unit FOREIGN KEY (unit_id) REFERENCES catalogue_unit (id),
    CONSTRAINT fk_resource_creator FOREIGN KEY (created_by) REFERENCES account (id),
    INDEX ix_resource_unit (unit_id, category),
    INDEX ix_resource_category (category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE resource_version (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    resource_id  BIGINT       NOT NULL,
    number       INT          NOT NULL,
    asset_id     CHAR(36)     NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    created_by   BIGINT       NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    published_at TIMESTAMP(3) NULL,
    CONSTRAINT uk_resource_version UNIQUE (resource_id, number),
    CONSTRAINT uk_resource_version_asset UNIQUE (asset_id),
    CONSTRAINT fk_version_resource FOREIGN KEY (resource_id) REFERENCES resource (id),
    CONSTRAINT fk_version_creator FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE resource ADD CONSTRAINT fk_resource_published FOREIGN KEY (published_version_id) REFERENCES resource_version (id);
