package cn.imtp.lms.questionbank.entity;

import cn.imtp.lms.catalogue.entity.LearningUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A question of the bank; it assesses one learning unit. Options are stored as a JSON array of texts. */
@Entity
@Table(name = "assessment_question")
public class Question {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id")
    private LearningUnit unit;

    @Enumerated(EnumType.STRING)
    private QuestionType type;

    private int difficulty;

    private String stem;

    private String options;

    private String answer;

    private String explanation;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_by")
    private long updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    /** The first version's id; null on the first version itself. */
    @Column(name = "lineage_id")
    private Long lineageId;

    private int version = 1;

    /** The version that replaced this one (an edit); null while this is the current version. */
    @Column(name = "replaced_by")
    private Long replacedBy;

    protected Question() {}

    public Question(LearningUnit unit, long author, Instant now) {
        this.unit = unit;
        this.createdBy = author;
        this.createdAt = now;
    }

    /** Replaces the content; {@code answer} is canonical (see Answers). */
    public void write(
            LearningUnit unit,
            QuestionType type,
            int difficulty,
            String stem,
            List<String> options,
            String answer,
            String explanation,
            long editor,
            Instant now) {
        this.unit = unit;
        this.type = type;
        this.difficulty = difficulty;
        this.stem = stem;
        this.options = Options.toJson(options);
        this.answer = answer;
        this.explanation = explanation;
        this.updatedBy = editor;
        this.updatedAt = now;
    }

    /**
     * The next version of this question, by {@code editor}: it keeps the lineage and the author (the bank's owner
     * rules follow the author), and this version points at it once it has an id ({@link #replacedBy(Question)}).
     */
    public Question nextVersion(long editor, Instant now) {
        Question next = new Question(unit, createdBy, createdAt);
        next.lineageId = lineage();
        next.version = version + 1;
        next.updatedBy = editor;
        next.updatedAt = now;
        return next;
    }

    public void replacedBy(Question next) {
        this.replacedBy = next.id();
    }

    /** The lineage's id: the first version's. */
    public long lineage() {
        return lineageId == null ? id : lineageId;
    }

    public int version() {
        return version;
    }

    public Long replacedBy() {
        return replacedBy;
    }

    public void retire(Instant now) {
        this.retiredAt = now;
    }

    public Long id() {
        return id;
    }

    public LearningUnit unit() {
        return unit;
    }

    public QuestionType type() {
        return type;
    }

    public int difficulty() {
        return difficulty;
    }

    public String stem() {
        return stem;
    }

    public List<String> options() {
        return Options.fromJson(options);
    }

    public String answer() {
        return answer;
    }

    public String explanation() {
        return explanation;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}
