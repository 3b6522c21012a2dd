-- Whether the teachers of an assessment resource's class let its learners see it in the class's resource packs
-- (a rubric, a sample paper): hidden until a teacher shows it. Only assessment resources read it; teaching resources
-- never reach learners, learning and information resources always do (published, in a class they reach).
ALTER TABLE resource ADD COLUMN shown_to_learners BOOLEAN NOT NULL DEFAULT FALSE;
