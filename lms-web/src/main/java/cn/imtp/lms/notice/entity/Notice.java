package cn.imtp.lms.notice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A notice to one class ({@code classId}) or to everyone (null), or a personal one (a study reminder) to one learner of
 * its class ({@code recipientId}), seen only by that learner and its author: its title and text may be edited (never
 * its audience), it is withdrawn at most once.
 */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "class_id")
    private Long classId;

    private String title;

    private String body;

    @Column(name = "author_id")
    private long authorId;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    private Long withdrawnBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "edited_by")
    private Long editedBy;

    @Column(name = "recipient_id")
    private Long recipientId;

    protected Notice() {}

    public Notice(Long classId, String title, String body, long authorId, Instant at) {
        this.classId = classId;
        this.title = title;
        this.body = body;
        this.authorId = authorId;
        this.publishedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A personal notice from a class to one of its learners (a study reminder). */
    public static Notice personal(
            long classId, long recipientId, String title, String body, long authorId, Instant at) {
        Notice n = new Notice(classId, title, body, authorId, at);
        n.recipientId = recipientId;
        return n;
    }

    public long id() {
        return id;
    }

    public Long classId() {
        return classId;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    /** The one learner a personal notice is for (null: the whole class, or everyone). */
    public Long recipientId() {
        return recipientId;
    }

    public long authorId() {
        return authorId;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** When it was withdrawn (null: it is shown). */
    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    /** When its title or text was last changed (null: as published). */
    public Instant editedAt() {
        return editedAt;
    }

    /** Who changed it last (null: as published). */
    public Long editedBy() {
        return editedBy;
    }

    /** When it last became news: published, or edited since. */
    public Instant newsAt() {
        return editedAt == null ? publishedAt : editedAt;
    }

    public void edit(String title, String body, Instant at, long by) {
        this.title = title;
        this.body = body;
        this.editedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.editedBy = by;
    }

    public void withdraw(Instant at, long by) {
        this.withdrawnAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.withdrawnBy = by;
    }
}
