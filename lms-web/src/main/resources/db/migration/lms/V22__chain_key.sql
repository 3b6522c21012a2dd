-- Attendance records are sealed with HMAC-SHA256 under a chain key kept outside the database
-- (lms.attendance.chain-key); key_id names the key. NULL: a record written before there was a key, hashed with
-- plain SHA-256. Each chain's records from before the key are sealed once, as a whole, by attendance_seal: the
-- chain's last unkeyed record and an HMAC of it under the key, made at the first start with a key.
ALTER TABLE attendance_record ADD COLUMN key_id CHAR(16) NULL AFTER hash;
CREATE TABLE attendance_seal (
    class_id  BIGINT      NOT NULL PRIMARY KEY,
    chain_seq BIGINT      NOT NULL,
    hash      CHAR(64)    NOT NULL,
    key_id    CHAR(16)    NOT NULL,
    sealed_at DATETIME(3) NOT NULL,
    mac       CHAR(64)    NOT NULL
) ENGINE=InnoDB;
