-- Notices (通知公告): to one class, or to everyone (class_id NULL), and who has read which.
CREATE TABLE notice (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id     BIGINT       NULL,
    title        VARCHAR(100) NOT NULL,
    body         TEXT         NOT NULL,
    author_id    BIGINT       NOT NULL,
    published_at TIMESTAMP(3) NOT NULL,
    KEY ix_notice_class (class_id, published_at),
    KEY ix_notice_published (published_at),
    CONSTRAINT fk_notice_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_notice_author FOREIGN KEY (author_id) REFERENCES account (id)
) ENGINE=InnoDB;

CREATE TABLE notice_read (
    notice_id  BIGINT       NOT NULL,
    account_id BIGINT       NOT NULL,
    read_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (notice_id, account_id),
    CONSTRAINT fk_notice_read_notice FOREIGN KEY (notice_id) REFERENCES notice (id),
    CONSTRAINT fk_notice_read_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB;
