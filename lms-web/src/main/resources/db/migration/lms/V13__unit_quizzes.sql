-- Formative quizzes (单元练习): an exam of one learning unit with a number of questions drawn from the
-- unit's bank, as many attempts as the learner likes, the answers shown as soon as an attempt is submitted.
ALTER TABLE assessment_exam
    ADD COLUMN unit_id        BIGINT NULL,
    ADD COLUMN question_count INT    NULL,
    ADD CONSTRAINT fk_exam_unit FOREIGN KEY (unit_id) REFERENCES catalogue_unit (id);
