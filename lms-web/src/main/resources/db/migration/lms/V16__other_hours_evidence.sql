-- Evidence of other hours (an internship certificate, a site-visit sign-in sheet): one small document per
-- entry (PDF, JPEG or PNG, checked by its bytes), kept in the same database as the entry so that the two are
-- written, backed up and audited together. Never replaced: a wrong file is corrected by withdrawing the entry.
CREATE TABLE other_hours_evidence (
    entry_id     BIGINT       NOT NULL PRIMARY KEY,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    attached_by  BIGINT       NOT NULL,
    attached_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_evidence_entry FOREIGN KEY (entry_id) REFERENCES other_hours (id),
    CONSTRAINT fk_evidence_by FOREIGN KEY (attached_by) REFERENCES account (id)
) ENGINE=InnoDB;
