-- Where a playback session's claimed playback ends on its own clock: each beat's playback is laid after the
-- previous beat's, so the slack by which it may run ahead of the clock is the session's, not each beat's.
ALTER TABLE playback_session ADD COLUMN played_until_ms BIGINT NOT NULL DEFAULT 0 AFTER credited_seconds;
