-- The SHA-256 of every frame a learner sent for a face check (the hash only, never the picture): a frame sent again
-- later is a replay of an earlier check, not the camera now. Deleted with the photos' retention.
CREATE TABLE presence_frame (
    hash       CHAR(64)     NOT NULL PRIMARY KEY,
    learner_id BIGINT       NOT NULL,
    check_id   CHAR(36)     NOT NULL,
    seen_at    TIMESTAMP(3) NOT NULL,
    KEY ix_frame_seen (seen_at)
) ENGINE=InnoDB;
