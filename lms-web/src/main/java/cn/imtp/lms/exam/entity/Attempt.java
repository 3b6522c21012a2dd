package cn.imtp.lms.exam.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One learner's sitting of an exam: the paper drawn for them, the answers given, and the result once submitted. */
@Entity
@Table(name = "assessment_attempt")
public class Attempt {

    /** Who ended the attempt: the learner, or the server when the time was up. */
    public enum SubmittedBy {
        LEARNER,
        TIME_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "exam_id")
    private Exam exam;

    @Column(name = "learner_id")
    private long learnerId;

    private int number;

    private long seed;

    @Column(name = "started_at")
    private Instant startedAt;

    private Instant deadline;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    private Integer score;

    @Column(name = "max_score")
    private int maxScore;

    @OneToMany(mappedBy = "attempt", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<AttemptItem> items = new ArrayList<>();

    protected Attempt() {}

    public Attempt(Exam exam, long learnerId, int number, long seed, Instant startedAt, Instant deadline) {
        this.exam = exam;
        this.learnerId = learnerId;
        this.number = number;
        this.seed = seed;
        this.startedAt = startedAt;
        this.deadline = deadline;
    }

    public void add(AttemptItem item) {
        items.add(item);
        maxScore += item.points();
    }

    /** Grades every item and fixes the score; nothing can be answered afterwards. */
    public void submit(SubmittedBy by, Instant at) {
        items.forEach(AttemptItem::grade);
        this.score = items.stream().mapToInt(AttemptItem::awarded).sum();
        this.submittedBy = by.name();
        this.submittedAt = at;
    }

    public boolean open() {
        return submittedAt == null;
    }

    public Long id() {
        return id;
    }

    public Exam exam() {
        return exam;
    }

    public long learnerId() {
        return learnerId;
    }

    public int number() {
        return number;
    }

    public long seed() {
        return seed;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public SubmittedBy submittedBy() {
        return submittedBy == null ? null : SubmittedBy.valueOf(submittedBy);
    }

    public Integer score() {
        return score;
    }

    public int maxScore() {
        return maxScore;
    }

    public List<AttemptItem> items() {
        return items;
    }
}
