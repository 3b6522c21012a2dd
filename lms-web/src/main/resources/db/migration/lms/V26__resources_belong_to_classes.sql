-- Resources belong to a class (class_id) and its plan's unit; an administrator shares them with other classes
-- (resource_share) or with every class whose plan has the unit, as the institution's library (shared_with_all;
-- a resource without a unit, such as general information, then reaches everyone).
ALTER TABLE resource
    ADD COLUMN class_id BIGINT NULL AFTER unit_id,
    ADD COLUMN shared_with_all BOOLEAN NOT NULL DEFAULT FALSE AFTER class_id,
    ADD CONSTRAINT fk_resource_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    ADD INDEX ix_resource_class (class_id, category);

CREATE TABLE resource_share (
    resource_id BIGINT NOT NULL,
    class_id    BIGINT NOT NULL,
    PRIMARY KEY (resource_id, class_id),
    INDEX ix_resource_share_class (class_id),
    CONSTRAINT fk_resource_share_resource FOREIGN KEY (resource_id) REFERENCES resource (id),
    CONSTRAINT fk_resource_share_class FOREIGN KEY (class_id) REFERENCES training_class (id)
) ENGINE=InnoDB;

-- Existing resources stay with the classes that could see them: every class whose plan has the unit. The one a
-- creator teaches (else the first) owns it, the others share it; a resource no class can see yet is the library's.
INSERT INTO resource_share (resource_id, class_id)
    SELECT r.id, c.id FROM resource r
    JOIN training_plan_unit pu ON pu.unit_id = r.unit_id
    JOIN training_class c ON c.plan_id = pu.plan_id;
UPDATE resource r SET class_id = (SELECT MIN(s.class_id) FROM resource_share s
    JOIN class_teacher t ON t.class_id = s.class_id AND t.account_id = r.created_by WHERE s.resource_id = r.id);
UPDATE resource r SET class_id = (SELECT MIN(s.class_id) FROM resource_share s WHERE s.resource_id = r.id) WHERE r.class_id IS NULL;
DELETE s FROM resource_share s JOIN resource r ON r.id = s.resource_id AND r.class_id = s.class_id;
UPDATE resource SET shared_with_all = TRUE WHERE class_id IS NULL;
