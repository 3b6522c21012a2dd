-- Representative rows of a database at schema version 37, in the tables the later migrations (V38 to V42) alter:
-- a minimal catalogue, a plan, an active class with a teacher and two learners, a lesson, an assessment resource with
-- its published version, a class notice (withdrawn) and a notice to everyone, a playback session held by a face check,
-- a live session and that face check. V37Fixture runs this after migrating an empty database to version 37 and dumps
-- the result as lms-v37.sql; MigrationsIT checks every row survives V38 to V42 with what they add.
INSERT INTO account (id, username, role, full_name, id_type, id_number, phone, password_hash, must_change_password,
                     disabled, token_version, created_at, version)
VALUES (1, 'admin37', 'ADMINISTRATOR', '管理员', NULL, NULL, NULL, 'not-a-hash', 0, 0, 0, '2025-03-01 08:00:00.000', 0),
       (2, 'teacher37', 'TEACHER', '张老师', NULL, NULL, '13800000002', 'not-a-hash', 0, 0, 3, '2025-03-01 08:00:00.000', 1),
       (3, 'learner37a', 'LEARNER', '李学员', 'MAINLAND_ID_CARD', '110101199001011234', NULL, 'not-a-hash', 1, 0, 0,
        '2025-03-01 08:00:00.000', 0),
       (4, 'learner37b', 'LEARNER', '王学员', NULL, NULL, NULL, 'not-a-hash', 0, 1, 2, '2025-03-01 08:00:00.000', 2);

INSERT INTO catalogue_edition (id, code, title, source, content_hash, imported_at, package_rules)
VALUES (1, 'it-v37', '测试版', 'fixture', REPEAT('0', 64), '2025-03-01 08:00:00.000', NULL);
INSERT INTO catalogue_table (id, edition_id, section, level, job_type, title, stated_total_hours, seed_first_line,
                             seed_last_line, position)
VALUES (1, 1, '1.1.2', NULL, NULL, '基础知识', 10, 1, 2, 0);
INSERT INTO catalogue_module (id, table_id, code, name, position) VALUES (1, 1, 'M1', '模块一', 0);
INSERT INTO catalogue_course (id, module_id, code, name, position) VALUES (1, 1, 'C1', '课程一', 0);
INSERT INTO catalogue_unit (id, course_id, seq, name, hours, seed_line, position) VALUES (1, 1, 1, '单元一', 4, 2, 0);

INSERT INTO training_plan (id, edition_id, name, level, job_type, kind, employer_order, created_by, created_at)
VALUES (1, 1, '直播销售员五级', 'L5', 'LIVE_SELLER', 'NEW_ENTRANT', NULL, 'admin37', '2025-03-02 08:00:00.000');
INSERT INTO training_plan_unit (plan_id, unit_id) VALUES (1, 1);
INSERT INTO training_class (id, name, plan_id, delivery_mode, starts_on, ends_on, leads_to_certificate, status,
                            class_hour_minutes, activated_at, version, presence_checks_per_hour, presence_answer_seconds)
VALUES (1, '三月班', 1, 'ONLINE', '2025-03-03', '2025-06-30', 1, 'ACTIVE', 45, '2025-03-03 08:00:00.000', 4, 2, 60);
INSERT INTO class_teacher (id, class_id, account_id, duty) VALUES (1, 1, 2, 'THEORY');
INSERT INTO class_learner (class_id, account_id) VALUES (1, 3), (1, 4);
INSERT INTO lesson (id, class_id, unit_id, lesson_date, start_time, class_hours, teacher_id, mode)
VALUES (1, 1, 1, '2025-03-10', '19:00:00', 2, 2, 'LIVE');

INSERT INTO resource (id, category, kind, unit_id, class_id, shared_with_all, level, job_type, title, description,
                      link_url, created_by, created_at, published_version_id, version, deleted_at)
VALUES (1, 'ASSESSMENT', 'VIDEO', 1, 1, 0, 'L5', 'LIVE_SELLER', '样卷讲解', '考前讲解', NULL, 2,
        '2025-03-04 08:00:00.000', NULL, 0, NULL);
INSERT INTO resource_version (id, resource_id, number, asset_id, file_name, size_bytes, created_by, created_at,
                              published_at, deleted_at)
VALUES (1, 1, 1, '11111111-1111-4111-8111-111111111111', 'sample.mp4', 123456789, 2, '2025-03-04 08:00:00.000',
        '2025-03-04 09:00:00.000', NULL);
UPDATE resource SET published_version_id = 1, version = 1 WHERE id = 1;

INSERT INTO notice (id, class_id, title, body, author_id, published_at, withdrawn_at, withdrawn_by)
VALUES (1, 1, '开班通知', '三月班今晚开课。', 2, '2025-03-03 09:00:00.000', '2025-03-05 09:00:00.000', 1),
       (2, NULL, '系统维护', '周日凌晨维护一小时。', 1, '2025-03-06 09:00:00.000', NULL, NULL);

INSERT INTO playback_session (id, learner_id, class_id, unit_id, resource_id, asset_id, duration_seconds, opened_at,
                              last_seq, last_elapsed_ms, run_start_ms, run_end_ms, credited_seconds, played_until_ms,
                              position_ms, last_beat_at, ended_at, ended_reason, held_from_ms)
VALUES ('22222222-2222-4222-8222-222222222222', 3, 1, 1, 1, '11111111-1111-4111-8111-111111111111', 600,
        '2025-03-11 10:00:00.000', 8, 120000, 0, 120000, 120, 120000, 120000, '2025-03-11 10:02:00.000', NULL, NULL,
        120000);
INSERT INTO live_session (id, lesson_id, learner_id, class_id, unit_id, opened_at, last_seq, last_elapsed_ms,
                          credited_seconds, last_beat_at, ended_at, ended_reason)
VALUES ('33333333-3333-4333-8333-333333333333', 1, 4, 1, 1, '2025-03-10 18:58:00.000', 40, 600000, 585,
        '2025-03-10 19:08:00.000', '2025-03-10 19:09:00.000', 'SIGNED_OUT');
INSERT INTO presence_check (id, session_id, class_id, learner_id, unit_id, subject, due_ms, due_at, asked_at,
                            passed_until_ms, state, attempts, outcome, distance, motion, decided_at, withheld_seconds,
                            withheld_spans, frames_kept, reviewed_by, reviewed_at, review_note)
VALUES ('44444444-4444-4444-8444-444444444444', '22222222-2222-4222-8222-222222222222', 1, 3, 1, NULL, 120000,
        '2025-03-11 10:02:00.000', '2025-03-11 10:02:01.000', 0, 'OPEN', 1, NULL, NULL, NULL, NULL, 0, NULL, 0,
        NULL, NULL, NULL);
