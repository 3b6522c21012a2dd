-- Online attendance. A playback session is one learner watching one lesson video; its heartbeats are
-- judged by CreditPolicy and kept as append-only attendance records, hash-chained per class.
CREATE TABLE playback_session (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    learner_id       BIGINT       NOT NULL,
    class_id         BIGINT       NOT NULL,
    unit_id          BIGINT       NOT NULL,
    resource_id      BIGINT       NOT NULL,
    asset_id         CHAR(36)     NOT NULL,
    duration_seconds INT          NOT NULL,
    opened_at        TIMESTAMP(3) NOT NULL,
    last_seq         BIGINT       NOT NULL DEFAULT 0,
    last_elapsed_ms  BIGINT       NOT NULL DEFAULT 0,
    run_start_ms     BIGINT       NOT NULL DEFAULT -1,
    run_end_ms       BIGINT       NOT NULL DEFAULT -1,
    credited_seconds INT          NOT NULL DEFAULT 0,
    position_ms      BIGINT       NOT NULL DEFAULT 0,
    last_beat_at     TIMESTAMP(3) NULL,
    ended_at         TIMESTAMP(3) NULL,
    ended_reason     VARCHAR(32)  NULL,
    CONSTRAINT fk_session_learner FOREIGN KEY (learner_id) REFERENCES account (id),
    CONSTRAINT fk_session_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_session_unit FOREIGN KEY (unit_id) REFERENCES catalogue_unit (id),
    INDEX ix_session_learner_open (learner_id, ended_at),
    INDEX ix_session_class (class_id, last_beat_at)
) ENGINE=InnoDB;

-- The seconds of a video's timeline a learner has been credited (one bit per second), whatever the session.
CREATE TABLE watched_video (
    learner_id       BIGINT        NOT NULL,
    asset_id         CHAR(36)      NOT NULL,
    unit_id          BIGINT        NOT NULL,
    seconds          VARBINARY(8192) NOT NULL,
    credited_seconds INT           NOT NULL,
    resume_ms        BIGINT        NOT NULL,
    PRIMARY KEY (learner_id, asset_id)
) ENGINE=InnoDB;

-- Append-only: one record per accepted heartbeat, chained per class (hash = SHA-256 of the previous
-- hash and the record's fields), so that an altered or removed record is found.
CREATE TABLE attendance_record (
    class_id         BIGINT        NOT NULL,
    chain_seq        BIGINT        NOT NULL,
    session_id       CHAR(36)      NOT NULL,
    beat_seq         BIGINT        NOT NULL,
    learner_id       BIGINT        NOT NULL,
    unit_id          BIGINT        NOT NULL,
    received_at      TIMESTAMP(3)  NOT NULL,
    elapsed_ms       BIGINT        NOT NULL,
    played           VARCHAR(2000) NOT NULL,
    rate             DOUBLE        NOT NULL,
    visible          BOOLEAN       NOT NULL,
    credited_seconds INT           NOT NULL,
    prev_hash        CHAR(64)      NOT NULL,
    hash             CHAR(64)      NOT NULL,
    PRIMARY KEY (class_id, chain_seq),
    CONSTRAINT uk_record_beat UNIQUE (session_id, beat_seq)
) ENGINE=InnoDB;

CREATE TABLE attendance_chain (
    class_id  BIGINT   NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
) ENGINE=InnoDB;

-- Beats refused as impossible (forged, or a clock that ran ahead): kept for review, never credited.
CREATE TABLE refused_beat (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  CHAR(36)      NOT NULL,
    learner_id  BIGINT        NOT NULL,
    beat_seq    BIGINT        NOT NULL,
    received_at TIMESTAMP(3)  NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    beat        VARCHAR(4000) NOT NULL
) ENGINE=InnoDB;

-- The hours ledger, kept up to date as beats arrive: reports read this, never the raw records.
CREATE TABLE ledger_entry (
    class_id           BIGINT NOT NULL,
    learner_id         BIGINT NOT NULL,
    unit_id            BIGINT NOT NULL,
    self_paced_seconds INT    NOT NULL DEFAULT 0,
    live_seconds       INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (class_id, learner_id, unit_id)
) ENGINE=InnoDB;
