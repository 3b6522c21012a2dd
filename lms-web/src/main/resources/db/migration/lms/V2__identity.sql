CREATE TABLE account (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    full_name            VARCHAR(100) NOT NULL,
    id_type              VARCHAR(32)  NULL,
    id_number            VARCHAR(32)  NULL,
    phone                VARCHAR(20)  NULL,
    password_hash        VARCHAR(255) NOT NULL,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    disabled             BOOLEAN      NOT NULL DEFAULT FALSE,
    token_version        INT          NOT NULL DEFAULT 0,
    created_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT uk_account_document UNIQUE (id_type, id_number),
    CONSTRAINT ck_account_role CHECK (role IN ('LEARNER', 'TEACHER', 'ADMINISTRATOR'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_account_role ON account (role, username);

-- Append-only: the application never updates or deletes these rows.
CREATE TABLE audit_entry (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at             TIMESTAMP(3) NOT NULL,
    actor_id       BIGINT       NULL,
    actor          VARCHAR(64)  NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    subject_id     BIGINT       NULL,
    detail         VARCHAR(500) NULL,
    client_address VARCHAR(64)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_entry_at ON audit_entry (at);

-- Failed sign-ins per key ('account:<username>' or 'address:<ip>'), shared by every lms-web node.
CREATE TABLE login_failure (
    counter_key      VARCHAR(160) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    first_failure_at TIMESTAMP(3) NOT NULL,
    blocked_until    TIMESTAMP(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
