-- The chains from before the chain key are sealed once, at the first start after the upgrade, and never again
-- (attendance_seal_run: the one sealing run, with an HMAC of what it sealed): unkeyed records in a chain that run
-- did not seal are tampering, and sealing them at a later start would launder them.
CREATE TABLE attendance_seal_run (
    id        TINYINT     NOT NULL PRIMARY KEY,
    sealed_at DATETIME(3) NOT NULL,
    key_id    CHAR(16)    NOT NULL,
    classes   TEXT        NOT NULL,
    mac       CHAR(64)    NOT NULL
) ENGINE=InnoDB;
-- The seconds a record credited or took back: a take-back may list many spans; a record that could not be written
-- whole would fail its whole batch.
ALTER TABLE attendance_record MODIFY credited_spans TEXT NOT NULL;
