/*M!999999\- enable the sandbox mode */ 

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `flyway_history_media` (
  `installed_rank` int(11) NOT NULL,
  `version` varchar(50) DEFAULT NULL,
  `description` varchar(200) NOT NULL,
  `type` varchar(20) NOT NULL,
  `script` varchar(1000) NOT NULL,
  `checksum` int(11) DEFAULT NULL,
  `installed_by` varchar(100) NOT NULL,
  `installed_on` timestamp NOT NULL DEFAULT current_timestamp(),
  `execution_time` int(11) NOT NULL,
  `success` tinyint(1) NOT NULL,
  PRIMARY KEY (`installed_rank`),
  KEY `flyway_history_media_s_idx` (`success`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `flyway_history_media` VALUES (1,'1','media','SQL','V1__media.sql',1388760845,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_media` VALUES (2,'2','captions','SQL','V2__captions.sql',-1916659533,'lms','2025-03-01 00:00:00',0,1);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media_asset` (
  `id` char(36) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `owner_id` bigint(20) NOT NULL,
  `file_name` varchar(255) NOT NULL,
  `content_type` varchar(120) NOT NULL,
  `declared_bytes` bigint(20) NOT NULL,
  `part_size` bigint(20) NOT NULL,
  `upload_id` varchar(512) DEFAULT NULL,
  `state` varchar(16) NOT NULL,
  `reason` varchar(2000) DEFAULT NULL,
  `sha256` char(64) DEFAULT NULL,
  `renditions_of` char(36) DEFAULT NULL,
  `duration_ms` bigint(20) DEFAULT NULL,
  `width` int(11) DEFAULT NULL,
  `height` int(11) DEFAULT NULL,
  `has_video` tinyint(1) DEFAULT NULL,
  `has_audio` tinyint(1) DEFAULT NULL,
  `created_at` timestamp(3) NOT NULL,
  `updated_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_asset_state_updated` (`state`,`updated_at`),
  KEY `ix_asset_sha256` (`sha256`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `media_asset` VALUES ('a0000001-0000-4000-8000-000000000001','VIDEO',2,'第一课 直播间搭建.mp4','video/mp4',734003200,16777216,NULL,'READY',NULL,'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',NULL,1800000,1920,1080,1,1,'2025-03-01 08:00:00.000','2025-03-01 08:20:00.000');
INSERT INTO `media_asset` VALUES ('a0000002-0000-4000-8000-000000000002','VIDEO',2,'lesson2.mov','video/quicktime',104857600,16777216,NULL,'PROCESSING',NULL,'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',NULL,600000,1280,720,1,1,'2025-03-02 08:00:00.000','2025-03-02 08:01:00.000');
INSERT INTO `media_asset` VALUES ('a0000003-0000-4000-8000-000000000003','AUDIO',3,'podcast.m4a','audio/mp4',5242880,5242880,NULL,'PROCESSING',NULL,'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',NULL,300000,NULL,NULL,0,1,'2025-03-02 09:00:00.000','2025-03-02 09:00:30.000');
INSERT INTO `media_asset` VALUES ('a0000004-0000-4000-8000-000000000004','VIDEO',3,'broken.mp4','video/mp4',2048,2048,NULL,'FAILED','转码失败：源文件已损坏。','dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd',NULL,NULL,NULL,NULL,NULL,NULL,'2025-03-02 10:00:00.000','2025-03-02 10:05:00.000');
INSERT INTO `media_asset` VALUES ('a0000005-0000-4000-8000-000000000005','VIDEO',3,'old.mp4','video/mp4',4096,4096,NULL,'DELETED',NULL,'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',NULL,5000,640,360,1,0,'2025-03-02 11:00:00.000','2025-03-03 11:00:00.000');
INSERT INTO `media_asset` VALUES ('a0000006-0000-4000-8000-000000000006','VIDEO',2,'half.mp4','video/mp4',209715200,16777216,'upload-6~multipart','UPLOADING',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2025-03-03 08:00:00.000','2025-03-03 08:00:00.000');
INSERT INTO `media_asset` VALUES ('a0000007-0000-4000-8000-000000000007','DOCUMENT',2,'讲义.pdf','application/pdf',1048576,1048576,NULL,'READY',NULL,'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',NULL,NULL,NULL,NULL,NULL,NULL,'2025-03-03 09:00:00.000','2025-03-03 09:00:01.000');
INSERT INTO `media_asset` VALUES ('a0000008-0000-4000-8000-000000000008','VIDEO',2,'第一课 副本.mp4','video/mp4',734003200,16777216,NULL,'READY',NULL,'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa','a0000001-0000-4000-8000-000000000001',1800000,1920,1080,1,1,'2025-03-04 08:00:00.000','2025-03-04 08:00:02.000');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media_caption` (
  `asset_id` char(36) NOT NULL,
  `language` varchar(16) NOT NULL,
  `name` varchar(64) NOT NULL,
  PRIMARY KEY (`asset_id`,`language`),
  CONSTRAINT `fk_caption_asset` FOREIGN KEY (`asset_id`) REFERENCES `media_asset` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `media_caption` VALUES ('a0000001-0000-4000-8000-000000000001','en','English');
INSERT INTO `media_caption` VALUES ('a0000001-0000-4000-8000-000000000001','zh-Hans','中文');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media_rendition` (
  `asset_id` char(36) NOT NULL,
  `name` varchar(16) NOT NULL,
  `width` int(11) NOT NULL,
  `height` int(11) NOT NULL,
  `video_kbps` int(11) NOT NULL,
  `audio_kbps` int(11) NOT NULL,
  `complete` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`asset_id`,`name`),
  CONSTRAINT `fk_rendition_asset` FOREIGN KEY (`asset_id`) REFERENCES `media_asset` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `media_rendition` VALUES ('a0000001-0000-4000-8000-000000000001','360p',640,360,800,96,1);
INSERT INTO `media_rendition` VALUES ('a0000001-0000-4000-8000-000000000001','720p',1280,720,2800,128,1);
INSERT INTO `media_rendition` VALUES ('a0000002-0000-4000-8000-000000000002','360p',640,360,800,96,0);
INSERT INTO `media_rendition` VALUES ('a0000003-0000-4000-8000-000000000003','audio',0,0,0,128,0);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media_segment` (
  `asset_id` char(36) NOT NULL,
  `rendition` varchar(16) NOT NULL,
  `seq` int(11) NOT NULL,
  `duration_ms` int(11) NOT NULL,
  `bytes` bigint(20) NOT NULL,
  PRIMARY KEY (`asset_id`,`rendition`,`seq`),
  CONSTRAINT `fk_segment_asset` FOREIGN KEY (`asset_id`) REFERENCES `media_asset` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `media_segment` VALUES ('a0000001-0000-4000-8000-000000000001','360p',0,6000,601000);
INSERT INTO `media_segment` VALUES ('a0000001-0000-4000-8000-000000000001','360p',1,6000,598000);
INSERT INTO `media_segment` VALUES ('a0000001-0000-4000-8000-000000000001','360p',2,4500,433000);
INSERT INTO `media_segment` VALUES ('a0000001-0000-4000-8000-000000000001','720p',0,6000,2101000);
INSERT INTO `media_segment` VALUES ('a0000001-0000-4000-8000-000000000001','720p',1,6000,2087000);
INSERT INTO `media_segment` VALUES ('a0000001-0000-4000-8000-000000000001','720p',2,4500,1533000);
INSERT INTO `media_segment` VALUES ('a0000002-0000-4000-8000-000000000002','360p',0,6000,604000);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `transcode_job` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `asset_id` char(36) NOT NULL,
  `state` varchar(16) NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `not_before` timestamp(3) NOT NULL,
  `lease_until` timestamp(3) NULL DEFAULT NULL,
  `worker` varchar(120) DEFAULT NULL,
  `progress` double NOT NULL DEFAULT 0,
  `error` varchar(2000) DEFAULT NULL,
  `created_at` timestamp(3) NOT NULL,
  `started_at` timestamp(3) NULL DEFAULT NULL,
  `finished_at` timestamp(3) NULL DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_job_asset` (`asset_id`),
  KEY `ix_job_claim` (`state`,`not_before`),
  CONSTRAINT `fk_job_asset` FOREIGN KEY (`asset_id`) REFERENCES `media_asset` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=6 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `transcode_job` VALUES (1,'a0000001-0000-4000-8000-000000000001','SUCCEEDED',1,'2025-03-01 08:00:01.000',NULL,NULL,1,NULL,'2025-03-01 08:00:01.000','2025-03-01 08:00:02.000','2025-03-01 08:20:00.000');
INSERT INTO `transcode_job` VALUES (2,'a0000002-0000-4000-8000-000000000002','RUNNING',1,'2025-03-02 08:00:01.000','2025-03-02 08:02:00.000','node-a/worker-1',0.25,NULL,'2025-03-02 08:00:01.000','2025-03-02 08:00:02.000',NULL);
INSERT INTO `transcode_job` VALUES (3,'a0000003-0000-4000-8000-000000000003','QUEUED',1,'2025-03-02 09:01:00.000',NULL,NULL,0,'ffmpeg exited with 1','2025-03-02 09:00:01.000','2025-03-02 09:00:02.000',NULL);
INSERT INTO `transcode_job` VALUES (4,'a0000004-0000-4000-8000-000000000004','FAILED',3,'2025-03-02 10:03:00.000',NULL,NULL,0,'Invalid data found when processing input','2025-03-02 10:00:01.000','2025-03-02 10:04:00.000','2025-03-02 10:05:00.000');
INSERT INTO `transcode_job` VALUES (5,'a0000005-0000-4000-8000-000000000005','CANCELLED',1,'2025-03-02 11:00:01.000',NULL,NULL,0.5,'The file was deleted or its transcoding cancelled.','2025-03-02 11:00:01.000','2025-03-02 11:00:02.000','2025-03-03 11:00:00.000');
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*M!100616 SET NOTE_VERBOSITY=@OLD_NOTE_VERBOSITY */;

