-- The roster reads a class's open sessions (class_id, ended_at IS NULL), the audit export all of a class's
-- sessions (class_id): an index on (class_id, ended_at) serves both and changes only when a session ends,
-- where the one on (class_id, last_beat_at) was rewritten by every heartbeat.
ALTER TABLE playback_session DROP INDEX ix_session_class, ADD INDEX ix_session_class_open (class_id, ended_at);
