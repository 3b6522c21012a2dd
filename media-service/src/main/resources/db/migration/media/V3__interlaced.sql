-- Whether the source's video is interlaced (ffprobe's field order), found when the upload is checked: the
-- transcoding job plans from the stored probe and deinterlaces only such sources. NULL for assets checked
-- before this column existed: their job probes again.
ALTER TABLE media_asset ADD COLUMN interlaced BOOLEAN NULL;
