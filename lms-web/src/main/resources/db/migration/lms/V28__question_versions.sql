-- An edit makes a new version of a question: a new row of the same lineage (lineage_id: the first version's id, NULL
-- on the first version itself) with the next version number; the row it replaces keeps its content and points at its successor. Exams keep the questions they
-- were set with (assessment_exam_question), so that no edit or retirement in the bank alters or shortens an exam
-- already set. Exams set before this migration keep every question live at migration time (their papers are still
-- drawn by their blueprint from that set).
ALTER TABLE assessment_question
    ADD COLUMN lineage_id  BIGINT NULL,
    ADD COLUMN version     INT    NOT NULL DEFAULT 1,
    ADD COLUMN replaced_by BIGINT NULL,
    ADD CONSTRAINT fk_question_replaced_by FOREIGN KEY (replaced_by) REFERENCES assessment_question (id);
ALTER TABLE assessment_question ADD CONSTRAINT uq_question_version UNIQUE (lineage_id, version),
    ADD CONSTRAINT fk_question_lineage FOREIGN KEY (lineage_id) REFERENCES assessment_question (id);

CREATE TABLE assessment_exam_question (
    exam_id     BIGINT NOT NULL,
    question_id BIGINT NOT NULL,
    PRIMARY KEY (exam_id, question_id),
    CONSTRAINT fk_exam_question_exam FOREIGN KEY (exam_id) REFERENCES assessment_exam (id),
    CONSTRAINT fk_exam_question_question FOREIGN KEY (question_id) REFERENCES assessment_question (id)
) ENGINE=InnoDB;

INSERT INTO assessment_exam_question (exam_id, question_id)
SELECT e.id, q.id FROM assessment_exam e JOIN assessment_question q ON q.retired_at IS NULL;
