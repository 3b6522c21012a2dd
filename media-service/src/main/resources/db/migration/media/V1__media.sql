-- media-service's tables. Assets are keyed by the id lms-web put in the upload grant (one version of a
-- resource); objects in storage are keyed by that id, never by a user's file name.
CREATE TABLE media_asset (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)   NOT NULL,
    owner_id       BIGINT        NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    content_type   VARCHAR(120)  NOT NULL,
    declared_bytes BIGINT        NOT NULL,
    part_size      BIGINT        NOT NULL,
    upload_id      VARCHAR(512)  NULL,
    state          VARCHAR(16)   NOT NULL,
    reason         VARCHAR(2000) NULL,
    sha256         CHAR(64)      NULL,
    renditions_of  CHAR(36)      NULL,
    duration_ms    BIGINT        NULL,
    width          INT           NULL,
    height         INT           NULL,
    has_video      BOOLEAN       NULL,
    has_audio      BOOLEAN       NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    updated_at     TIMESTAMP(3)  NOT NULL,
    INDEX ix_asset_state_updated (state, updated_at),
    INDEX ix_asset_sha256 (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One rung of an asset's HLS ladder (or its audio-only rendition).
CREATE TABLE media_rendition (
    asset_id   CHAR(36)    NOT NULL,
    name       VARCHAR(16) NOT NULL,
    width      INT         NOT NULL,
    height     INT         NOT NULL,
    video_kbps INT         NOT NULL,
    audio_kbps INT         NOT NULL,
    complete   BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (asset_id, name),
    CONSTRAINT fk_rendition_asset FOREIGN KEY (asset_id) REFERENCES media_asset (id)
) ENGINE=InnoDB;

-- Segments are recorded as they reach storage, so a lesson plays (EVENT playlist) while it is encoded.
CREATE TABLE media_segment (
    asset_id    CHAR(36)    NOT NULL,
    rendition   VARCHAR(16) NOT NULL,
    seq         INT         NOT NULL,
    duration_ms INT         NOT NULL,
    bytes       BIGINT      NOT NULL,
    PRIMARY KEY (asset_id, rendition, seq),
    CONSTRAINT fk_segment_asset FOREIGN KEY (asset_id) REFERENCES media_asset (id)
) ENGINE=InnoDB;

-- The durable transcoding queue; workers on any node claim with SELECT ... FOR UPDATE SKIP LOCKED.
CREATE TABLE transcode_job (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    asset_id     CHAR(36)      NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    attempts     INT           NOT NULL DEFAULT 0,
    not_before   TIMESTAMP(3)  NOT NULL,
    lease_until  TIMESTAMP(3)  NULL,
    worker       VARCHAR(120)  NULL,
    progress     DOUBLE        NOT NULL DEFAULT 0,
    error        VARCHAR(2000) NULL,
    created_at   TIMESTAMP(3)  NOT NULL,
    started_at   TIMESTAMP(3)  NULL,
    finished_at  TIMESTAMP(3)  NULL,
    CONSTRAINT uk_job_asset UNIQUE (asset_id),
    CONSTRAINT fk_job_asset FOREIGN KEY (asset_id) REFERENCES media_asset (id),
    INDEX ix_job_claim (state, not_before)
) ENGINE=InnoDB;
