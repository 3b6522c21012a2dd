-- How long a published version plays, as media-service reported it when the version was published: attendance bounds
-- a learner's claims by it and live lessons list the videos a stage may play, without reading media-service's tables.
-- Null for a file without a playing time, and for versions published before this column: lms-web asks media-service
-- for those the first time it needs the duration, and keeps the answer once the file is READY.
ALTER TABLE resource_version ADD COLUMN duration_ms BIGINT NULL;
