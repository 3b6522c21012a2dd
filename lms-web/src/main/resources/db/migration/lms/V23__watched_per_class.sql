-- Watched seconds are kept per learner, class and video: a session counts for the class the learner opened the
-- lesson from, and two classes (two trainings, each perhaps subsidised) never share the same minutes. Existing
-- rows belonged to the class their sessions were credited to (the learner's lowest active class with the unit).
ALTER TABLE watched_video ADD COLUMN class_id BIGINT NOT NULL DEFAULT 0 AFTER learner_id;
UPDATE watched_video w SET class_id = COALESCE((SELECT MIN(s.class_id) FROM playback_session s
    WHERE s.learner_id = w.learner_id AND s.asset_id = w.asset_id), 0);
ALTER TABLE watched_video DROP PRIMARY KEY, ADD PRIMARY KEY (learner_id, class_id, asset_id);
