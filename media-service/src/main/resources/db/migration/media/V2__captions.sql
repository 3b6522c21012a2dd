-- WebVTT caption tracks of a video asset, offered as subtitles in its master playlist.
CREATE TABLE media_caption (
    asset_id CHAR(36)    NOT NULL,
    language VARCHAR(16) NOT NULL,
    name     VARCHAR(64) NOT NULL,
    PRIMARY KEY (asset_id, language),
    CONSTRAINT fk_caption_asset FOREIGN KEY (asset_id) REFERENCES media_asset (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
