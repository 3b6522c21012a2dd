-- When an account's sign-ins were last revoked (signed out, disabled): media-service refuses the account's media
-- grants issued before then, so that a grant (hours long, for a lesson or a slow upload) ends with the sign-ins.
-- lms-web writes it (resourcepack, on SignInsRevoked); media-service reads it, as lms-web reads media_asset.
CREATE TABLE media_grant_revocation (
    account_id BIGINT       NOT NULL PRIMARY KEY,
    revoked_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB;
