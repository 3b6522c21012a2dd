-- Media assets lms-web no longer refers to (a practical recording replaced by a newer one): media-service refuses their
-- grants (410) and its sweep removes their files from storage and marks them DELETED. The rows stay, so that a late
-- grant of a released asset can never start an upload again. lms-web writes it (assessment); media-service reads it, as
-- it reads media_grant_revocation.
CREATE TABLE media_asset_release (
    asset_id    CHAR(36)     NOT NULL PRIMARY KEY,
    released_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB;
