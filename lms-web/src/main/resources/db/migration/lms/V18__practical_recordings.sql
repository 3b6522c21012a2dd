-- A learner's recorded work for a hands-on practical task (a mock live-selling video, for example): a media
-- asset uploaded straight to object storage and transcoded by media-service like any lesson video; the
-- submission keeps which asset, and a new recording replaces it until the work is graded.
ALTER TABLE practical_submission
    ADD COLUMN recording_asset_id  CHAR(36)     NULL,
    ADD COLUMN recording_file_name VARCHAR(255) NULL;
