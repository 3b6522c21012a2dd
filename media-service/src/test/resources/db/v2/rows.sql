-- Representative rows of media-service's database at schema version 2, in every table it has then: assets of each
-- kind and state (a finished lesson with its ladder and a caption, one still encoding, one waiting for another attempt,
-- one failed, one deleted, one still uploading, a document, a copy reusing another's renditions) and a transcoding job
-- in each state. V2Fixture runs this after migrating an empty database to version 2 and dumps the result as
-- media-v2.sql; JobQueueIT checks that every row survives V3 onwards with what they add at its default.
INSERT INTO media_asset (id, kind, owner_id, file_name, content_type, declared_bytes, part_size, upload_id, state,
                         reason, sha256, renditions_of, duration_ms, width, height, has_video, has_audio, created_at,
                         updated_at)
VALUES ('a0000001-0000-4000-8000-000000000001', 'VIDEO', 2, '第一课 直播间搭建.mp4', 'video/mp4', 734003200, 16777216,
        NULL, 'READY', NULL, REPEAT('a', 64), NULL, 1800000, 1920, 1080, 1, 1, '2025-03-01 08:00:00.000',
        '2025-03-01 08:20:00.000'),
       ('a0000002-0000-4000-8000-000000000002', 'VIDEO', 2, 'lesson2.mov', 'video/quicktime', 104857600, 16777216,
        NULL, 'PROCESSING', NULL, REPEAT('b', 64), NULL, 600000, 1280, 720, 1, 1, '2025-03-02 08:00:00.000',
        '2025-03-02 08:01:00.000'),
       ('a0000003-0000-4000-8000-000000000003', 'AUDIO', 3, 'podcast.m4a', 'audio/mp4', 5242880, 5242880,
        NULL, 'PROCESSING', NULL, REPEAT('c', 64), NULL, 300000, NULL, NULL, 0, 1, '2025-03-02 09:00:00.000',
        '2025-03-02 09:00:30.000'),
       ('a0000004-0000-4000-8000-000000000004', 'VIDEO', 3, 'broken.mp4', 'video/mp4', 2048, 2048,
        NULL, 'FAILED', '转码失败：源文件已损坏。', REPEAT('d', 64), NULL, NULL, NULL, NULL, NULL, NULL,
        '2025-03-02 10:00:00.000', '2025-03-02 10:05:00.000'),
       ('a0000005-0000-4000-8000-000000000005', 'VIDEO', 3, 'old.mp4', 'video/mp4', 4096, 4096,
        NULL, 'DELETED', NULL, REPEAT('e', 64), NULL, 5000, 640, 360, 1, 0, '2025-03-02 11:00:00.000',
        '2025-03-03 11:00:00.000'),
       ('a0000006-0000-4000-8000-000000000006', 'VIDEO', 2, 'half.mp4', 'video/mp4', 209715200, 16777216,
        'upload-6~multipart', 'UPLOADING', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-03-03 08:00:00.000',
        '2025-03-03 08:00:00.000'),
       ('a0000007-0000-4000-8000-000000000007', 'DOCUMENT', 2, '讲义.pdf', 'application/pdf', 1048576, 1048576,
        NULL, 'READY', NULL, REPEAT('f', 64), NULL, NULL, NULL, NULL, NULL, NULL, '2025-03-03 09:00:00.000',
        '2025-03-03 09:00:01.000'),
       ('a0000008-0000-4000-8000-000000000008', 'VIDEO', 2, '第一课 副本.mp4', 'video/mp4', 734003200, 16777216,
        NULL, 'READY', NULL, REPEAT('a', 64), 'a0000001-0000-4000-8000-000000000001', 1800000, 1920, 1080, 1, 1,
        '2025-03-04 08:00:00.000', '2025-03-04 08:00:02.000');

INSERT INTO media_rendition (asset_id, name, width, height, video_kbps, audio_kbps, complete)
VALUES ('a0000001-0000-4000-8000-000000000001', '360p', 640, 360, 800, 96, 1),
       ('a0000001-0000-4000-8000-000000000001', '720p', 1280, 720, 2800, 128, 1),
       ('a0000002-0000-4000-8000-000000000002', '360p', 640, 360, 800, 96, 0),
       ('a0000003-0000-4000-8000-000000000003', 'audio', 0, 0, 0, 128, 0);

INSERT INTO media_segment (asset_id, rendition, seq, duration_ms, bytes)
VALUES ('a0000001-0000-4000-8000-000000000001', '360p', 0, 6000, 601000),
       ('a0000001-0000-4000-8000-000000000001', '360p', 1, 6000, 598000),
       ('a0000001-0000-4000-8000-000000000001', '360p', 2, 4500, 433000),
       ('a0000001-0000-4000-8000-000000000001', '720p', 0, 6000, 2101000),
       ('a0000001-0000-4000-8000-000000000001', '720p', 1, 6000, 2087000),
       ('a0000001-0000-4000-8000-000000000001', '720p', 2, 4500, 1533000),
       ('a0000002-0000-4000-8000-000000000002', '360p', 0, 6000, 604000);

INSERT INTO media_caption (asset_id, language, name)
VALUES ('a0000001-0000-4000-8000-000000000001', 'zh-Hans', '中文'),
       ('a0000001-0000-4000-8000-000000000001', 'en', 'English');

INSERT INTO transcode_job (id, asset_id, state, attempts, not_before, lease_until, worker, progress, error, created_at,
                           started_at, finished_at)
VALUES (1, 'a0000001-0000-4000-8000-000000000001', 'SUCCEEDED', 1, '2025-03-01 08:00:01.000', NULL, NULL, 1, NULL,
        '2025-03-01 08:00:01.000', '2025-03-01 08:00:02.000', '2025-03-01 08:20:00.000'),
       (2, 'a0000002-0000-4000-8000-000000000002', 'RUNNING', 1, '2025-03-02 08:00:01.000', '2025-03-02 08:02:00.000',
        'node-a/worker-1', 0.25, NULL, '2025-03-02 08:00:01.000', '2025-03-02 08:00:02.000', NULL),
       (3, 'a0000003-0000-4000-8000-000000000003', 'QUEUED', 1, '2025-03-02 09:01:00.000', NULL, NULL, 0,
        'ffmpeg exited with 1', '2025-03-02 09:00:01.000', '2025-03-02 09:00:02.000', NULL),
       (4, 'a0000004-0000-4000-8000-000000000004', 'FAILED', 3, '2025-03-02 10:03:00.000', NULL, NULL, 0,
        'Invalid data found when processing input', '2025-03-02 10:00:01.000', '2025-03-02 10:04:00.000',
        '2025-03-02 10:05:00.000'),
       (5, 'a0000005-0000-4000-8000-000000000005', 'CANCELLED', 1, '2025-03-02 11:00:01.000', NULL, NULL, 0.5,
        'The file was deleted or its transcoding cancelled.', '2025-03-02 11:00:01.000', '2025-03-02 11:00:02.000',
        '2025-03-03 11:00:00.000');
