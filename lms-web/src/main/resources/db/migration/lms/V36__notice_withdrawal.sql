-- A notice withdrawn by its author or an administrator leaves every feed; the row stays, with who withdrew it and when.
ALTER TABLE notice
    ADD COLUMN withdrawn_at TIMESTAMP(3) NULL,
    ADD COLUMN withdrawn_by BIGINT NULL,
    ADD CONSTRAINT fk_notice_withdrawn_by FOREIGN KEY (withdrawn_by) REFERENCES account (id);
