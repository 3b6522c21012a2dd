-- When a shown assessment resource reaches learners (a sample paper from the week before the exam, a rubric until the
-- results are out): from shown_from (inclusive) until shown_until (exclusive), either open. Null and null is what
-- V40 meant: shown whenever shown_to_learners is set.
ALTER TABLE resource
    ADD COLUMN shown_from  TIMESTAMP(3) NULL,
    ADD COLUMN shown_until TIMESTAMP(3) NULL;
