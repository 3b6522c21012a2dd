-- A notice edited by its author or an administrator (title and text; never its audience): when and by whom, last edit.
ALTER TABLE notice
    ADD COLUMN edited_at TIMESTAMP(3) NULL,
    ADD COLUMN edited_by BIGINT NULL,
    ADD CONSTRAINT fk_notice_edited_by FOREIGN KEY (edited_by) REFERENCES account (id);
