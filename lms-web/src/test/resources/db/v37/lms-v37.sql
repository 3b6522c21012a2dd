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
CREATE TABLE `account` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `username` varchar(64) NOT NULL,
  `role` varchar(16) NOT NULL,
  `full_name` varchar(100) NOT NULL,
  `id_type` varchar(32) DEFAULT NULL,
  `id_number` varchar(32) DEFAULT NULL,
  `phone` varchar(20) DEFAULT NULL,
  `password_hash` varchar(255) NOT NULL,
  `must_change_password` tinyint(1) NOT NULL DEFAULT 0,
  `disabled` tinyint(1) NOT NULL DEFAULT 0,
  `token_version` int(11) NOT NULL DEFAULT 0,
  `created_at` timestamp(3) NOT NULL DEFAULT current_timestamp(3),
  `version` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_account_username` (`username`),
  UNIQUE KEY `uk_account_document` (`id_type`,`id_number`),
  KEY `ix_account_role` (`role`,`username`),
  CONSTRAINT `ck_account_role` CHECK (`role` in ('LEARNER','TEACHER','ADMINISTRATOR'))
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `account` VALUES (1,'admin37','ADMINISTRATOR','管理员',NULL,NULL,NULL,'not-a-hash',0,0,0,'2025-03-01 08:00:00.000',0);
INSERT INTO `account` VALUES (2,'teacher37','TEACHER','张老师',NULL,NULL,'13800000002','not-a-hash',0,0,3,'2025-03-01 08:00:00.000',1);
INSERT INTO `account` VALUES (3,'learner37a','LEARNER','李学员','MAINLAND_ID_CARD','110101199001011234',NULL,'not-a-hash',1,0,0,'2025-03-01 08:00:00.000',0);
INSERT INTO `account` VALUES (4,'learner37b','LEARNER','王学员',NULL,NULL,NULL,'not-a-hash',0,1,2,'2025-03-01 08:00:00.000',2);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessment_attempt` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `exam_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `number` int(11) NOT NULL,
  `seed` bigint(20) NOT NULL,
  `started_at` timestamp(3) NOT NULL,
  `deadline` timestamp(3) NOT NULL,
  `submitted_at` timestamp(3) NULL DEFAULT NULL,
  `submitted_by` varchar(16) DEFAULT NULL,
  `score` int(11) DEFAULT NULL,
  `max_score` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_attempt` (`exam_id`,`learner_id`,`number`),
  KEY `fk_attempt_learner` (`learner_id`),
  KEY `ix_attempt_open` (`submitted_at`,`deadline`),
  CONSTRAINT `fk_attempt_exam` FOREIGN KEY (`exam_id`) REFERENCES `assessment_exam` (`id`),
  CONSTRAINT `fk_attempt_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessment_attempt_grant` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `exam_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `reason` varchar(500) NOT NULL,
  `granted_by` bigint(20) NOT NULL,
  `granted_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_grant_learner` (`learner_id`),
  KEY `ix_grant_exam_learner` (`exam_id`,`learner_id`),
  CONSTRAINT `fk_grant_exam` FOREIGN KEY (`exam_id`) REFERENCES `assessment_exam` (`id`),
  CONSTRAINT `fk_grant_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessment_attempt_item` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `attempt_id` bigint(20) NOT NULL,
  `position` int(11) NOT NULL,
  `question_id` bigint(20) NOT NULL,
  `module_code` varchar(8) NOT NULL,
  `module_name` varchar(200) NOT NULL,
  `course_code` varchar(8) NOT NULL,
  `unit_name` varchar(200) NOT NULL,
  `type` varchar(16) NOT NULL,
  `stem` varchar(2000) NOT NULL,
  `options` text NOT NULL,
  `correct_answer` varchar(8) NOT NULL,
  `explanation` varchar(2000) DEFAULT NULL,
  `points` int(11) NOT NULL,
  `answer` varchar(8) DEFAULT NULL,
  `answered_at` timestamp(3) NULL DEFAULT NULL,
  `awarded` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_attempt_item` (`attempt_id`,`position`),
  KEY `fk_item_question` (`question_id`),
  CONSTRAINT `fk_item_attempt` FOREIGN KEY (`attempt_id`) REFERENCES `assessment_attempt` (`id`),
  CONSTRAINT `fk_item_question` FOREIGN KEY (`question_id`) REFERENCES `assessment_question` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessment_exam` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) NOT NULL,
  `title` varchar(200) NOT NULL,
  `blueprint` varchar(8) NOT NULL,
  `opens_at` timestamp(3) NOT NULL,
  `closes_at` timestamp(3) NOT NULL,
  `duration_minutes` int(11) NOT NULL,
  `points_single` int(11) NOT NULL,
  `points_multiple` int(11) NOT NULL,
  `points_true_false` int(11) NOT NULL,
  `pass_mark` int(11) NOT NULL,
  `answers_released_at` timestamp(3) NULL DEFAULT NULL,
  `created_by` bigint(20) NOT NULL,
  `created_at` timestamp(3) NOT NULL,
  `unit_id` bigint(20) DEFAULT NULL,
  `question_count` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_exam_class` (`class_id`),
  KEY `fk_exam_created_by` (`created_by`),
  KEY `fk_exam_unit` (`unit_id`),
  CONSTRAINT `fk_exam_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_exam_created_by` FOREIGN KEY (`created_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_exam_unit` FOREIGN KEY (`unit_id`) REFERENCES `catalogue_unit` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessment_exam_question` (
  `exam_id` bigint(20) NOT NULL,
  `question_id` bigint(20) NOT NULL,
  PRIMARY KEY (`exam_id`,`question_id`),
  KEY `fk_exam_question_question` (`question_id`),
  CONSTRAINT `fk_exam_question_exam` FOREIGN KEY (`exam_id`) REFERENCES `assessment_exam` (`id`),
  CONSTRAINT `fk_exam_question_question` FOREIGN KEY (`question_id`) REFERENCES `assessment_question` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessment_question` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `unit_id` bigint(20) NOT NULL,
  `type` varchar(16) NOT NULL,
  `difficulty` int(11) NOT NULL,
  `stem` varchar(2000) NOT NULL,
  `options` text NOT NULL,
  `answer` varchar(8) NOT NULL,
  `explanation` varchar(2000) DEFAULT NULL,
  `created_by` bigint(20) NOT NULL,
  `created_at` timestamp(3) NOT NULL,
  `updated_by` bigint(20) NOT NULL,
  `updated_at` timestamp(3) NOT NULL,
  `retired_at` timestamp(3) NULL DEFAULT NULL,
  `lineage_id` bigint(20) DEFAULT NULL,
  `version` int(11) NOT NULL DEFAULT 1,
  `replaced_by` bigint(20) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_question_version` (`lineage_id`,`version`),
  KEY `fk_question_created_by` (`created_by`),
  KEY `ix_question_unit` (`unit_id`,`retired_at`),
  KEY `fk_question_replaced_by` (`replaced_by`),
  CONSTRAINT `fk_question_created_by` FOREIGN KEY (`created_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_question_lineage` FOREIGN KEY (`lineage_id`) REFERENCES `assessment_question` (`id`),
  CONSTRAINT `fk_question_replaced_by` FOREIGN KEY (`replaced_by`) REFERENCES `assessment_question` (`id`),
  CONSTRAINT `fk_question_unit` FOREIGN KEY (`unit_id`) REFERENCES `catalogue_unit` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `attendance_chain` (
  `class_id` bigint(20) NOT NULL,
  `last_seq` bigint(20) NOT NULL,
  `last_hash` char(64) NOT NULL,
  PRIMARY KEY (`class_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `attendance_record` (
  `class_id` bigint(20) NOT NULL,
  `chain_seq` bigint(20) NOT NULL,
  `session_id` char(36) NOT NULL,
  `beat_seq` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `received_at` timestamp(3) NOT NULL,
  `elapsed_ms` bigint(20) NOT NULL,
  `played` varchar(2000) NOT NULL,
  `rate` double NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `credited_seconds` int(11) NOT NULL,
  `credited_spans` text NOT NULL,
  `prev_hash` char(64) NOT NULL,
  `hash` char(64) NOT NULL,
  `key_id` char(16) DEFAULT NULL,
  PRIMARY KEY (`class_id`,`chain_seq`),
  UNIQUE KEY `uk_record_beat` (`session_id`,`beat_seq`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `attendance_seal` (
  `class_id` bigint(20) NOT NULL,
  `chain_seq` bigint(20) NOT NULL,
  `hash` char(64) NOT NULL,
  `key_id` char(16) NOT NULL,
  `sealed_at` datetime(3) NOT NULL,
  `mac` char(64) NOT NULL,
  PRIMARY KEY (`class_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `attendance_seal_run` (
  `id` tinyint(4) NOT NULL,
  `sealed_at` datetime(3) NOT NULL,
  `key_id` char(16) NOT NULL,
  `classes` text NOT NULL,
  `mac` char(64) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `audit_entry` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `at` timestamp(3) NOT NULL,
  `actor_id` bigint(20) DEFAULT NULL,
  `actor` varchar(64) NOT NULL,
  `action` varchar(40) NOT NULL,
  `subject_id` bigint(20) DEFAULT NULL,
  `detail` varchar(500) DEFAULT NULL,
  `client_address` varchar(64) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_audit_entry_at` (`at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_allocation` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `level` varchar(2) NOT NULL,
  `basic_hours` int(11) NOT NULL,
  `skill_hours` int(11) NOT NULL,
  `other_hours` int(11) NOT NULL,
  `total_hours` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_allocation` (`edition_id`,`level`),
  CONSTRAINT `fk_allocation_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_blueprint_course` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `section` varchar(16) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `level` varchar(2) DEFAULT NULL,
  `job_type` varchar(24) DEFAULT NULL,
  `title` varchar(200) NOT NULL,
  `module_code` varchar(8) NOT NULL,
  `module_name` varchar(200) NOT NULL,
  `module_weight` int(11) NOT NULL,
  `course_code` varchar(8) NOT NULL,
  `course_name` varchar(200) NOT NULL,
  `course_weight` int(11) NOT NULL,
  `assessed_units` varchar(2000) NOT NULL,
  `seed_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_blueprint_edition` (`edition_id`),
  CONSTRAINT `fk_blueprint_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_course` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `module_id` bigint(20) NOT NULL,
  `code` varchar(8) NOT NULL,
  `name` varchar(200) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_course_module` (`module_id`),
  CONSTRAINT `fk_course_module` FOREIGN KEY (`module_id`) REFERENCES `catalogue_module` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `catalogue_course` VALUES (1,1,'C1','课程一',0);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_discrepancy` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `section` varchar(16) NOT NULL,
  `level` varchar(2) DEFAULT NULL,
  `job_type` varchar(24) DEFAULT NULL,
  `kind` varchar(40) NOT NULL,
  `message` varchar(500) NOT NULL,
  `seed_lines` varchar(100) NOT NULL,
  `message_zh` text DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_discrepancy_edition` (`edition_id`),
  CONSTRAINT `fk_discrepancy_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_edition` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `code` varchar(32) NOT NULL,
  `title` varchar(200) NOT NULL,
  `source` varchar(200) NOT NULL,
  `content_hash` char(64) NOT NULL,
  `imported_at` timestamp(3) NOT NULL,
  `package_rules` longtext DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_catalogue_edition` (`code`,`content_hash`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `catalogue_edition` VALUES (1,'it-v37','测试版','fixture','0000000000000000000000000000000000000000000000000000000000000000','2025-03-01 08:00:00.000',NULL);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_module` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `table_id` bigint(20) NOT NULL,
  `code` varchar(8) NOT NULL,
  `name` varchar(200) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_module_table` (`table_id`),
  CONSTRAINT `fk_module_table` FOREIGN KEY (`table_id`) REFERENCES `catalogue_table` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `catalogue_module` VALUES (1,1,'M1','模块一',0);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_practical_content` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `section` varchar(16) NOT NULL,
  `level` varchar(2) NOT NULL,
  `job_type` varchar(24) NOT NULL,
  `title` varchar(200) NOT NULL,
  `module_code` varchar(8) NOT NULL,
  `module_name` varchar(200) NOT NULL,
  `module_weight` int(11) NOT NULL,
  `content_code` varchar(8) NOT NULL,
  `content_name` varchar(200) NOT NULL,
  `content_weight` int(11) NOT NULL,
  `form` varchar(8) NOT NULL,
  `selection` varchar(8) NOT NULL,
  `minutes` int(11) NOT NULL,
  `importance` varchar(1) NOT NULL,
  `seed_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_practical_edition` (`edition_id`),
  CONSTRAINT `fk_practical_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_requirement` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `section` varchar(16) NOT NULL,
  `level` varchar(2) DEFAULT NULL,
  `job_type` varchar(24) DEFAULT NULL,
  `module_code` varchar(8) NOT NULL,
  `module_name` varchar(200) NOT NULL,
  `content_code` varchar(8) NOT NULL,
  `content_name` varchar(200) NOT NULL,
  `targets` longtext NOT NULL,
  `items` text NOT NULL,
  `seed_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_requirement_content` (`edition_id`,`level`,`job_type`,`content_code`),
  CONSTRAINT `fk_requirement_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_table` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `section` varchar(16) NOT NULL,
  `level` varchar(2) DEFAULT NULL,
  `job_type` varchar(24) DEFAULT NULL,
  `title` varchar(200) NOT NULL,
  `stated_total_hours` int(11) NOT NULL,
  `seed_first_line` int(11) NOT NULL,
  `seed_last_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_table_edition` (`edition_id`),
  CONSTRAINT `fk_table_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `catalogue_table` VALUES (1,1,'1.1.2',NULL,NULL,'基础知识',10,1,2,0);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_teaching_method` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `name` varchar(40) NOT NULL,
  `description` text NOT NULL,
  `seed_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_teaching_method_edition` (`edition_id`),
  CONSTRAINT `fk_teaching_method_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_unit` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `course_id` bigint(20) NOT NULL,
  `seq` int(11) DEFAULT NULL,
  `name` varchar(200) NOT NULL,
  `hours` int(11) NOT NULL,
  `seed_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_unit_course` (`course_id`),
  CONSTRAINT `fk_unit_course` FOREIGN KEY (`course_id`) REFERENCES `catalogue_course` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `catalogue_unit` VALUES (1,1,1,'单元一',4,2,0);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalogue_unit_spec` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `section` varchar(16) NOT NULL,
  `level` varchar(2) DEFAULT NULL,
  `job_type` varchar(24) DEFAULT NULL,
  `module_code` varchar(8) NOT NULL,
  `module_name` varchar(200) NOT NULL,
  `course_code` varchar(8) NOT NULL,
  `course_name` varchar(200) NOT NULL,
  `seq` int(11) DEFAULT NULL,
  `name` varchar(200) NOT NULL,
  `hours` int(11) NOT NULL,
  `content` longtext NOT NULL,
  `methods` varchar(300) NOT NULL,
  `key_points` text NOT NULL,
  `seed_line` int(11) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_unit_spec_course` (`edition_id`,`level`,`job_type`,`course_code`),
  CONSTRAINT `fk_unit_spec_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `class_learner` (
  `class_id` bigint(20) NOT NULL,
  `account_id` bigint(20) NOT NULL,
  PRIMARY KEY (`class_id`,`account_id`),
  KEY `fk_class_learner_account` (`account_id`),
  CONSTRAINT `fk_class_learner_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_class_learner_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `class_learner` VALUES (1,3);
INSERT INTO `class_learner` VALUES (1,4);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `class_teacher` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) NOT NULL,
  `account_id` bigint(20) NOT NULL,
  `duty` varchar(16) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_class_teacher` (`class_id`,`account_id`,`duty`),
  KEY `fk_class_teacher_account` (`account_id`),
  CONSTRAINT `fk_class_teacher_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_class_teacher_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `class_teacher` VALUES (1,1,2,'THEORY');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `completion_certificate` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `code` char(16) NOT NULL,
  `class_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `issued_at` timestamp(3) NOT NULL,
  `issued_by` bigint(20) NOT NULL,
  `facts` text NOT NULL,
  `records_note` varchar(200) DEFAULT NULL,
  `revoked_at` timestamp(3) NULL DEFAULT NULL,
  `revoked_by` bigint(20) DEFAULT NULL,
  `revoke_reason` varchar(200) DEFAULT NULL,
  `valid_flag` tinyint(4) GENERATED ALWAYS AS (if(`revoked_at` is null,1,NULL)) STORED,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_certificate_code` (`code`),
  UNIQUE KEY `uq_certificate_valid` (`class_id`,`learner_id`,`valid_flag`),
  KEY `ix_certificate_learner` (`learner_id`),
  KEY `fk_certificate_issuer` (`issued_by`),
  KEY `fk_certificate_revoker` (`revoked_by`),
  CONSTRAINT `fk_certificate_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_certificate_issuer` FOREIGN KEY (`issued_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_certificate_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_certificate_revoker` FOREIGN KEY (`revoked_by`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `face_enrolment` (
  `learner_id` bigint(20) NOT NULL,
  `subject` char(36) NOT NULL,
  `source` varchar(10) NOT NULL,
  `enrolled_at` timestamp(3) NOT NULL,
  `enrolled_by` bigint(20) NOT NULL,
  PRIMARY KEY (`learner_id`),
  UNIQUE KEY `uk_face_subject` (`subject`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `flyway_history_lms` (
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
  KEY `flyway_history_lms_s_idx` (`success`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `flyway_history_lms` VALUES (1,'1','installation','SQL','V1__installation.sql',-1681509796,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (2,'2','identity','SQL','V2__identity.sql',16446117,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (3,'3','catalogue','SQL','V3__catalogue.sql',-505110448,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (4,'4','training plan','SQL','V4__training_plan.sql',342407961,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (5,'5','classes','SQL','V5__classes.sql',1530678223,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (6,'6','theory blueprints','SQL','V6__theory_blueprints.sql',111767413,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (7,'7','learner qualifications','SQL','V7__learner_qualifications.sql',-330552755,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (8,'8','resource packs','SQL','V8__resource_packs.sql',-1684855655,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (9,'9','attendance','SQL','V9__attendance.sql',-664781070,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (10,'10','absence','SQL','V10__absence.sql',1829495704,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (11,'11','other hours','SQL','V11__other_hours.sql',193848342,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (12,'12','assessment','SQL','V12__assessment.sql',1675830408,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (13,'13','unit quizzes','SQL','V13__unit_quizzes.sql',-559979850,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (14,'14','practical blueprints','SQL','V14__practical_blueprints.sql',1335144352,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (15,'15','live lessons','SQL','V15__live_lessons.sql',317288168,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (16,'16','other hours evidence','SQL','V16__other_hours_evidence.sql',-373546635,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (17,'17','practical exams','SQL','V17__practical_exams.sql',1559575873,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (18,'18','practical recordings','SQL','V18__practical_recordings.sql',-1833912755,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (19,'19','course specifications and requirements','SQL','V19__course_specifications_and_requirements.sql',1941673171,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (20,'20','open sessions index','SQL','V20__open_sessions_index.sql',1668663897,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (21,'21','played until','SQL','V21__played_until.sql',-1365545221,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (22,'22','chain key','SQL','V22__chain_key.sql',1095583173,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (23,'23','watched per class','SQL','V23__watched_per_class.sql',160428645,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (24,'24','seal once','SQL','V24__seal_once.sql',-1511291962,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (25,'25','known sign in addresses','SQL','V25__known_sign_in_addresses.sql',-589002926,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (26,'26','resources belong to classes','SQL','V26__resources_belong_to_classes.sql',68232567,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (27,'27','media grant revocation','SQL','V27__media_grant_revocation.sql',-1059008372,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (28,'28','question versions','SQL','V28__question_versions.sql',923883033,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (29,'29','media asset release','SQL','V29__media_asset_release.sql',1883897199,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (30,'30','resource deletion','SQL','V30__resource_deletion.sql',1462853936,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (31,'31','presence checks','SQL','V31__presence_checks.sql',1955533880,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (32,'32','presence frames','SQL','V32__presence_frames.sql',2145223995,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (33,'33','notices','SQL','V33__notices.sql',1902490148,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (34,'34','roll calls','SQL','V34__roll_calls.sql',-755640660,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (35,'35','completion certificates','SQL','V35__completion_certificates.sql',1023221464,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (36,'36','notice withdrawal','SQL','V36__notice_withdrawal.sql',-175664023,'lms','2025-03-01 00:00:00',0,1);
INSERT INTO `flyway_history_lms` VALUES (37,'37','discrepancy chinese','SQL','V37__discrepancy_chinese.sql',1370574027,'lms','2025-03-01 00:00:00',0,1);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `installation` (
  `id` tinyint(4) NOT NULL,
  `installation_id` char(36) NOT NULL,
  `installed_at` timestamp(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `installation` VALUES (1,'b6beb03f-f273-11f1-97d0-02fc00000001','2026-12-07 19:23:42.630');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `learner_qualification` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `account_id` bigint(20) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `level` varchar(2) NOT NULL,
  `dated` date NOT NULL,
  `reference` varchar(100) DEFAULT NULL,
  `reason` varchar(500) DEFAULT NULL,
  `recorded_by` varchar(64) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_learner_qualification_account` (`account_id`),
  CONSTRAINT `fk_learner_qualification_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `ledger_entry` (
  `class_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `self_paced_seconds` int(11) NOT NULL DEFAULT 0,
  `live_seconds` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`class_id`,`learner_id`,`unit_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `lesson` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `lesson_date` date NOT NULL,
  `start_time` time NOT NULL,
  `class_hours` int(11) NOT NULL,
  `teacher_id` bigint(20) NOT NULL,
  `mode` varchar(16) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_lesson_unit` (`unit_id`),
  KEY `fk_lesson_teacher` (`teacher_id`),
  KEY `ix_lesson_class` (`class_id`,`lesson_date`,`start_time`),
  CONSTRAINT `fk_lesson_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_lesson_teacher` FOREIGN KEY (`teacher_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_lesson_unit` FOREIGN KEY (`unit_id`) REFERENCES `catalogue_unit` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `lesson` VALUES (1,1,1,'2025-03-10','19:00:00',2,2,'LIVE');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `live_attendance` (
  `lesson_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `seconds` varbinary(8192) NOT NULL,
  `credited_seconds` int(11) NOT NULL,
  PRIMARY KEY (`lesson_id`,`learner_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `live_check_in` (
  `roll_call_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `checked_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`roll_call_id`,`learner_id`),
  KEY `fk_check_in_learner` (`learner_id`),
  CONSTRAINT `fk_check_in_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_check_in_roll_call` FOREIGN KEY (`roll_call_id`) REFERENCES `live_roll_call` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `live_message` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `lesson_id` bigint(20) NOT NULL,
  `author_id` bigint(20) NOT NULL,
  `body` varchar(1000) NOT NULL,
  `reply_to` bigint(20) DEFAULT NULL,
  `posted_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_message_author` (`author_id`),
  KEY `ix_message_lesson` (`lesson_id`,`id`),
  CONSTRAINT `fk_message_author` FOREIGN KEY (`author_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_message_lesson` FOREIGN KEY (`lesson_id`) REFERENCES `lesson` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `live_roll_call` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `lesson_id` bigint(20) NOT NULL,
  `opened_by` bigint(20) NOT NULL,
  `opened_at` timestamp(3) NOT NULL,
  `closes_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_roll_call_lesson` (`lesson_id`,`id`),
  KEY `fk_roll_call_opener` (`opened_by`),
  CONSTRAINT `fk_roll_call_lesson` FOREIGN KEY (`lesson_id`) REFERENCES `lesson` (`id`),
  CONSTRAINT `fk_roll_call_opener` FOREIGN KEY (`opened_by`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `live_session` (
  `id` char(36) NOT NULL,
  `lesson_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `class_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `opened_at` timestamp(3) NOT NULL,
  `last_seq` bigint(20) NOT NULL DEFAULT 0,
  `last_elapsed_ms` bigint(20) NOT NULL DEFAULT 0,
  `credited_seconds` int(11) NOT NULL DEFAULT 0,
  `last_beat_at` timestamp(3) NULL DEFAULT NULL,
  `ended_at` timestamp(3) NULL DEFAULT NULL,
  `ended_reason` varchar(32) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_live_session_learner_open` (`learner_id`,`ended_at`),
  KEY `ix_live_session_lesson` (`lesson_id`,`learner_id`),
  CONSTRAINT `fk_live_session_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_live_session_lesson` FOREIGN KEY (`lesson_id`) REFERENCES `lesson` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `live_session` VALUES ('33333333-3333-4333-8333-333333333333',1,4,1,1,'2025-03-10 18:58:00.000',40,600000,585,'2025-03-10 19:08:00.000','2025-03-10 19:09:00.000','SIGNED_OUT');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `live_stage` (
  `lesson_id` bigint(20) NOT NULL,
  `resource_id` bigint(20) DEFAULT NULL,
  `meeting_url` varchar(500) DEFAULT NULL,
  `playing` tinyint(1) NOT NULL DEFAULT 0,
  `position_ms` bigint(20) NOT NULL DEFAULT 0,
  `changed_at` timestamp(3) NOT NULL,
  `changed_by` bigint(20) NOT NULL,
  `version` bigint(20) NOT NULL,
  PRIMARY KEY (`lesson_id`),
  KEY `fk_stage_resource` (`resource_id`),
  CONSTRAINT `fk_stage_lesson` FOREIGN KEY (`lesson_id`) REFERENCES `lesson` (`id`),
  CONSTRAINT `fk_stage_resource` FOREIGN KEY (`resource_id`) REFERENCES `resource` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `login_failure` (
  `counter_key` varchar(200) NOT NULL,
  `failures` int(11) NOT NULL,
  `first_failure_at` timestamp(3) NOT NULL,
  `blocked_until` timestamp(3) NULL DEFAULT NULL,
  PRIMARY KEY (`counter_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `login_known_address` (
  `username` varchar(64) NOT NULL,
  `address` varchar(64) NOT NULL,
  `last_success_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`username`,`address`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media_asset_release` (
  `asset_id` char(36) NOT NULL,
  `released_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`asset_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media_grant_revocation` (
  `account_id` bigint(20) NOT NULL,
  `revoked_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`account_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `notice` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) DEFAULT NULL,
  `title` varchar(100) NOT NULL,
  `body` text NOT NULL,
  `author_id` bigint(20) NOT NULL,
  `published_at` timestamp(3) NOT NULL,
  `withdrawn_at` timestamp(3) NULL DEFAULT NULL,
  `withdrawn_by` bigint(20) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_notice_class` (`class_id`,`published_at`),
  KEY `ix_notice_published` (`published_at`),
  KEY `fk_notice_author` (`author_id`),
  KEY `fk_notice_withdrawn_by` (`withdrawn_by`),
  CONSTRAINT `fk_notice_author` FOREIGN KEY (`author_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_notice_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_notice_withdrawn_by` FOREIGN KEY (`withdrawn_by`) REFERENCES `account` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `notice` VALUES (1,1,'开班通知','三月班今晚开课。',2,'2025-03-03 09:00:00.000','2025-03-05 09:00:00.000',1);
INSERT INTO `notice` VALUES (2,NULL,'系统维护','周日凌晨维护一小时。',1,'2025-03-06 09:00:00.000',NULL,NULL);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `notice_read` (
  `notice_id` bigint(20) NOT NULL,
  `account_id` bigint(20) NOT NULL,
  `read_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`notice_id`,`account_id`),
  KEY `fk_notice_read_account` (`account_id`),
  CONSTRAINT `fk_notice_read_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_notice_read_notice` FOREIGN KEY (`notice_id`) REFERENCES `notice` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `other_hours` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `minutes` int(11) NOT NULL,
  `on_date` date NOT NULL,
  `note` varchar(1000) NOT NULL,
  `entered_by` bigint(20) NOT NULL,
  `entered_at` timestamp(3) NOT NULL,
  `withdrawn_by` bigint(20) DEFAULT NULL,
  `withdrawn_at` timestamp(3) NULL DEFAULT NULL,
  `withdraw_reason` varchar(500) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_other_learner` (`learner_id`),
  KEY `fk_other_entered_by` (`entered_by`),
  KEY `ix_other_class_learner` (`class_id`,`learner_id`),
  CONSTRAINT `fk_other_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_other_entered_by` FOREIGN KEY (`entered_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_other_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `other_hours_evidence` (
  `entry_id` bigint(20) NOT NULL,
  `file_name` varchar(255) NOT NULL,
  `content_type` varchar(64) NOT NULL,
  `size_bytes` int(11) NOT NULL,
  `sha256` char(64) NOT NULL,
  `content` mediumblob NOT NULL,
  `attached_by` bigint(20) NOT NULL,
  `attached_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`entry_id`),
  KEY `fk_evidence_by` (`attached_by`),
  CONSTRAINT `fk_evidence_by` FOREIGN KEY (`attached_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_evidence_entry` FOREIGN KEY (`entry_id`) REFERENCES `other_hours` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `playback_session` (
  `id` char(36) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `class_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `resource_id` bigint(20) NOT NULL,
  `asset_id` char(36) NOT NULL,
  `duration_seconds` int(11) NOT NULL,
  `opened_at` timestamp(3) NOT NULL,
  `last_seq` bigint(20) NOT NULL DEFAULT 0,
  `last_elapsed_ms` bigint(20) NOT NULL DEFAULT 0,
  `run_start_ms` bigint(20) NOT NULL DEFAULT -1,
  `run_end_ms` bigint(20) NOT NULL DEFAULT -1,
  `credited_seconds` int(11) NOT NULL DEFAULT 0,
  `played_until_ms` bigint(20) NOT NULL DEFAULT 0,
  `position_ms` bigint(20) NOT NULL DEFAULT 0,
  `last_beat_at` timestamp(3) NULL DEFAULT NULL,
  `ended_at` timestamp(3) NULL DEFAULT NULL,
  `ended_reason` varchar(32) DEFAULT NULL,
  `held_from_ms` bigint(20) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_session_unit` (`unit_id`),
  KEY `ix_session_learner_open` (`learner_id`,`ended_at`),
  KEY `ix_session_class_open` (`class_id`,`ended_at`),
  CONSTRAINT `fk_session_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_session_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_session_unit` FOREIGN KEY (`unit_id`) REFERENCES `catalogue_unit` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `playback_session` VALUES ('22222222-2222-4222-8222-222222222222',3,1,1,1,'11111111-1111-4111-8111-111111111111',600,'2025-03-11 10:00:00.000',8,120000,0,120000,120,120000,120000,'2025-03-11 10:02:00.000',NULL,NULL,120000);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `practical_exam` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `class_id` bigint(20) NOT NULL,
  `title` varchar(200) NOT NULL,
  `section` varchar(16) NOT NULL,
  `opens_at` timestamp(3) NOT NULL,
  `closes_at` timestamp(3) NOT NULL,
  `pass_mark` int(11) NOT NULL,
  `created_by` bigint(20) NOT NULL,
  `created_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_practical_exam_by` (`created_by`),
  KEY `ix_practical_exam_class` (`class_id`),
  CONSTRAINT `fk_practical_exam_by` FOREIGN KEY (`created_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_practical_exam_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `practical_grade` (
  `task_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `points` varchar(1000) NOT NULL,
  `awarded` int(11) NOT NULL,
  `max_points` int(11) NOT NULL,
  `comment` varchar(2000) DEFAULT NULL,
  `graded_by` bigint(20) NOT NULL,
  `graded_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`task_id`,`learner_id`),
  KEY `fk_practical_grade_learner` (`learner_id`),
  KEY `fk_practical_grade_by` (`graded_by`),
  CONSTRAINT `fk_practical_grade_by` FOREIGN KEY (`graded_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_practical_grade_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_practical_grade_task` FOREIGN KEY (`task_id`) REFERENCES `practical_task` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `practical_submission` (
  `task_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `answer_text` text DEFAULT NULL,
  `file_name` varchar(255) DEFAULT NULL,
  `content_type` varchar(64) DEFAULT NULL,
  `size_bytes` int(11) DEFAULT NULL,
  `sha256` char(64) DEFAULT NULL,
  `content` mediumblob DEFAULT NULL,
  `revision` int(11) NOT NULL,
  `submitted_at` timestamp(3) NOT NULL,
  `recording_asset_id` char(36) DEFAULT NULL,
  `recording_file_name` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`task_id`,`learner_id`),
  KEY `fk_practical_submission_learner` (`learner_id`),
  CONSTRAINT `fk_practical_submission_learner` FOREIGN KEY (`learner_id`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_practical_submission_task` FOREIGN KEY (`task_id`) REFERENCES `practical_task` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `practical_task` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `exam_id` bigint(20) NOT NULL,
  `position` int(11) NOT NULL,
  `module_code` varchar(8) NOT NULL,
  `module_name` varchar(200) NOT NULL,
  `module_weight` int(11) NOT NULL,
  `content_code` varchar(8) NOT NULL,
  `content_name` varchar(200) NOT NULL,
  `weight` int(11) NOT NULL,
  `form` varchar(16) NOT NULL,
  `minutes` int(11) NOT NULL,
  `importance` varchar(1) NOT NULL,
  `instructions` varchar(4000) NOT NULL,
  `rubric` text NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_practical_task` (`exam_id`,`position`),
  CONSTRAINT `fk_practical_task_exam` FOREIGN KEY (`exam_id`) REFERENCES `practical_exam` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `presence_check` (
  `id` char(36) NOT NULL,
  `session_id` char(36) NOT NULL,
  `class_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `subject` char(36) DEFAULT NULL,
  `due_ms` bigint(20) NOT NULL,
  `due_at` timestamp(3) NOT NULL,
  `asked_at` timestamp(3) NULL DEFAULT NULL,
  `passed_until_ms` bigint(20) NOT NULL,
  `state` varchar(12) NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `outcome` varchar(20) DEFAULT NULL,
  `distance` double DEFAULT NULL,
  `motion` double DEFAULT NULL,
  `decided_at` timestamp(3) NULL DEFAULT NULL,
  `withheld_seconds` int(11) NOT NULL DEFAULT 0,
  `withheld_spans` text DEFAULT NULL,
  `frames_kept` tinyint(1) NOT NULL DEFAULT 0,
  `reviewed_by` bigint(20) DEFAULT NULL,
  `reviewed_at` timestamp(3) NULL DEFAULT NULL,
  `review_note` varchar(500) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_check_session` (`session_id`),
  KEY `ix_check_class` (`class_id`,`state`),
  KEY `ix_check_open` (`state`,`due_at`),
  KEY `ix_check_learner` (`learner_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `presence_check` VALUES ('44444444-4444-4444-8444-444444444444','22222222-2222-4222-8222-222222222222',1,3,1,NULL,120000,'2025-03-11 10:02:00.000','2025-03-11 10:02:01.000',0,'OPEN',1,NULL,NULL,NULL,NULL,0,NULL,0,NULL,NULL,NULL);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `presence_consent` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `learner_id` bigint(20) NOT NULL,
  `text_version` varchar(20) NOT NULL,
  `given_at` timestamp(3) NOT NULL,
  `withdrawn_at` timestamp(3) NULL DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_consent_learner` (`learner_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `presence_frame` (
  `hash` char(64) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `check_id` char(36) NOT NULL,
  `seen_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`hash`),
  KEY `ix_frame_seen` (`seen_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `presence_waiver` (
  `class_id` bigint(20) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `method` varchar(500) NOT NULL,
  `recorded_by` bigint(20) NOT NULL,
  `recorded_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`class_id`,`learner_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `refused_beat` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `session_id` char(36) NOT NULL,
  `learner_id` bigint(20) NOT NULL,
  `beat_seq` bigint(20) NOT NULL,
  `received_at` timestamp(3) NOT NULL,
  `reason` varchar(500) NOT NULL,
  `beat` varchar(4000) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `resource` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `category` varchar(16) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `unit_id` bigint(20) DEFAULT NULL,
  `class_id` bigint(20) DEFAULT NULL,
  `shared_with_all` tinyint(1) NOT NULL DEFAULT 0,
  `level` varchar(2) DEFAULT NULL,
  `job_type` varchar(24) DEFAULT NULL,
  `title` varchar(200) NOT NULL,
  `description` varchar(4000) DEFAULT NULL,
  `link_url` varchar(2000) DEFAULT NULL,
  `created_by` bigint(20) NOT NULL,
  `created_at` timestamp(3) NOT NULL,
  `published_version_id` bigint(20) DEFAULT NULL,
  `version` bigint(20) NOT NULL DEFAULT 0,
  `deleted_at` timestamp(3) NULL DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_resource_creator` (`created_by`),
  KEY `ix_resource_unit` (`unit_id`,`category`),
  KEY `ix_resource_category` (`category`),
  KEY `fk_resource_published` (`published_version_id`),
  KEY `ix_resource_class` (`class_id`,`category`),
  CONSTRAINT `fk_resource_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_resource_creator` FOREIGN KEY (`created_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_resource_published` FOREIGN KEY (`published_version_id`) REFERENCES `resource_version` (`id`),
  CONSTRAINT `fk_resource_unit` FOREIGN KEY (`unit_id`) REFERENCES `catalogue_unit` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `resource` VALUES (1,'ASSESSMENT','VIDEO',1,1,0,'L5','LIVE_SELLER','样卷讲解','考前讲解',NULL,2,'2025-03-04 08:00:00.000',1,1,NULL);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `resource_share` (
  `resource_id` bigint(20) NOT NULL,
  `class_id` bigint(20) NOT NULL,
  PRIMARY KEY (`resource_id`,`class_id`),
  KEY `ix_resource_share_class` (`class_id`),
  CONSTRAINT `fk_resource_share_class` FOREIGN KEY (`class_id`) REFERENCES `training_class` (`id`),
  CONSTRAINT `fk_resource_share_resource` FOREIGN KEY (`resource_id`) REFERENCES `resource` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `resource_version` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `resource_id` bigint(20) NOT NULL,
  `number` int(11) NOT NULL,
  `asset_id` char(36) NOT NULL,
  `file_name` varchar(255) NOT NULL,
  `size_bytes` bigint(20) NOT NULL,
  `created_by` bigint(20) NOT NULL,
  `created_at` timestamp(3) NOT NULL,
  `published_at` timestamp(3) NULL DEFAULT NULL,
  `deleted_at` timestamp(3) NULL DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_resource_version` (`resource_id`,`number`),
  UNIQUE KEY `uk_resource_version_asset` (`asset_id`),
  KEY `fk_version_creator` (`created_by`),
  CONSTRAINT `fk_version_creator` FOREIGN KEY (`created_by`) REFERENCES `account` (`id`),
  CONSTRAINT `fk_version_resource` FOREIGN KEY (`resource_id`) REFERENCES `resource` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `resource_version` VALUES (1,1,1,'11111111-1111-4111-8111-111111111111','sample.mp4',123456789,2,'2025-03-04 08:00:00.000','2025-03-04 09:00:00.000',NULL);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `teacher_credential` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `account_id` bigint(20) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `level` varchar(2) DEFAULT NULL,
  `title_grade` varchar(16) DEFAULT NULL,
  `issued_on` date NOT NULL,
  `reference` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_credential_account` (`account_id`),
  CONSTRAINT `fk_credential_account` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `training_class` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `name` varchar(200) NOT NULL,
  `plan_id` bigint(20) NOT NULL,
  `delivery_mode` varchar(16) NOT NULL,
  `starts_on` date NOT NULL,
  `ends_on` date NOT NULL,
  `leads_to_certificate` tinyint(1) NOT NULL,
  `status` varchar(16) NOT NULL,
  `class_hour_minutes` int(11) DEFAULT NULL,
  `activated_at` timestamp(3) NULL DEFAULT NULL,
  `version` bigint(20) NOT NULL DEFAULT 0,
  `presence_checks_per_hour` int(11) DEFAULT NULL,
  `presence_answer_seconds` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_class_plan` (`plan_id`),
  CONSTRAINT `fk_class_plan` FOREIGN KEY (`plan_id`) REFERENCES `training_plan` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `training_class` VALUES (1,'三月班',1,'ONLINE','2025-03-03','2025-06-30',1,'ACTIVE',45,'2025-03-03 08:00:00.000',4,2,60);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `training_plan` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `edition_id` bigint(20) NOT NULL,
  `name` varchar(200) NOT NULL,
  `level` varchar(2) NOT NULL,
  `job_type` varchar(24) NOT NULL,
  `kind` varchar(20) NOT NULL,
  `employer_order` varchar(200) DEFAULT NULL,
  `created_by` varchar(64) NOT NULL,
  `created_at` timestamp(3) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_plan_edition` (`edition_id`),
  CONSTRAINT `fk_plan_edition` FOREIGN KEY (`edition_id`) REFERENCES `catalogue_edition` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `training_plan` VALUES (1,1,'直播销售员五级','L5','LIVE_SELLER','NEW_ENTRANT',NULL,'admin37','2025-03-02 08:00:00.000');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `training_plan_unit` (
  `plan_id` bigint(20) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  PRIMARY KEY (`plan_id`,`unit_id`),
  KEY `fk_plan_unit_unit` (`unit_id`),
  CONSTRAINT `fk_plan_unit_plan` FOREIGN KEY (`plan_id`) REFERENCES `training_plan` (`id`),
  CONSTRAINT `fk_plan_unit_unit` FOREIGN KEY (`unit_id`) REFERENCES `catalogue_unit` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

INSERT INTO `training_plan_unit` VALUES (1,1);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `watched_video` (
  `learner_id` bigint(20) NOT NULL,
  `class_id` bigint(20) NOT NULL DEFAULT 0,
  `asset_id` char(36) NOT NULL,
  `unit_id` bigint(20) NOT NULL,
  `seconds` varbinary(8192) NOT NULL,
  `credited_seconds` int(11) NOT NULL,
  `resume_ms` bigint(20) NOT NULL,
  PRIMARY KEY (`learner_id`,`class_id`,`asset_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*M!100616 SET NOTE_VERBOSITY=@OLD_NOTE_VERBOSITY */;

