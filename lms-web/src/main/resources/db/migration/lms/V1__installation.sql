-- One row that identifies this installation; written once, when the schema is first created.
CREATE TABLE installation (
    id              TINYINT      NOT NULL PRIMARY KEY,
    installation_id CHAR(36)     NOT NULL,
    installed_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO installation (id, installation_id) VALUES (1, UUID());
