package cn.imtp.lms.notice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** That an account has read a notice, and when (written by {@code Notices} with INSERT IGNORE: the first read counts). */
@Entity
@Table(name = "notice_read")
@IdClass(NoticeRead.Key.class)
public class NoticeRead {

    public static class Key implements Serializable {
        private long noticeId;
        private long accountId;

        public Key() {}

        public Key(long noticeId, long accountId) {
            this.noticeId = noticeId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.noticeId == noticeId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(noticeId, accountId);
        }
    }

    @Id
    @Column(name = "notice_id")
    private long noticeId;

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "read_at")
    private Instant readAt;

    protected NoticeRead() {}
}
