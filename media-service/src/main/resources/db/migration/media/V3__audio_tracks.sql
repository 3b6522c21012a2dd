-- Every audio track of a source is kept. A rendition names the source's audio track it carries (muxed into a video
-- rung when the source has one track; NULL: none); with several tracks, each is an alternate audio rendition of its
-- own, with its language (BCP 47), the name players show, and whether it plays first.
ALTER TABLE media_rendition
    ADD COLUMN source_audio INT         NULL,
    ADD COLUMN alternate    BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN language     VARCHAR(16) NULL,
    ADD COLUMN label        VARCHAR(64) NULL,
    ADD COLUMN is_default   BOOLEAN     NOT NULL DEFAULT FALSE;
-- What the teacher is told about the source's tracks: what was kept (audio tracks, subtitles turned into captions)
-- and what could not be (picture subtitles), in people's words.
ALTER TABLE media_asset ADD COLUMN tracks_note VARCHAR(1000) NULL;
