-- Face checks in live lessons too: a live session's credit is held while a check is due, as a playback session's is
-- (V31), and a check belongs to a playback session or a live session, the kind saying which (and the live lesson, for
-- its reviewers).
ALTER TABLE live_session ADD COLUMN held_from_ms BIGINT NULL;

ALTER TABLE presence_check
    ADD COLUMN kind      VARCHAR(10) NOT NULL DEFAULT 'SELF_PACED',
    ADD COLUMN lesson_id BIGINT      NULL;
