package cn.imtp.lms.exam.entity;

import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.questionbank.entity.QuestionType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** A class's theory exam: when it can be sat, for how long, the points per question type and the pass mark. */
@Entity
@Table(name = "assessment_exam")
public class Exam {

    /**
     * What the papers follow: a blueprint of section 2.3 (the basic course's, or the skill course's of
     * the class plan's level and job type) for a summative exam, or one unit's bank for a formative quiz.
     */
    public enum Blueprint {
        BASIC,
        SKILL,
        UNIT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "class_id")
    private TrainingClass trainingClass;

    private String title;

    @Enumerated(EnumType.STRING)
    private Blueprint blueprint;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Column(name = "points_single")
    private int pointsSingle;

    @Column(name = "points_multiple")
    private int pointsMultiple;

    @Column(name = "points_true_false")
    private int pointsTrueFalse;

    @Column(name = "pass_mark")
    private int passMark;

    @ManyToOne
    @JoinColumn(name = "unit_id")
    private LearningUnit unit;

    @Column(name = "question_count")
    private Integer questionCount;

    @Column(name = "answers_released_at")
    private Instant answersReleasedAt;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The questions the exam was set with: its papers are drawn from these, whatever the bank does later. */
    @ElementCollection
    @CollectionTable(name = "assessment_exam_question", joinColumns = @JoinColumn(name = "exam_id"))
    @Column(name = "question_id")
    private Set<Long> questionIds = new HashSet<>();

    protected Exam() {}

    public Exam(
            TrainingClass trainingClass,
            String title,
            Blueprint blueprint,
            Instant opensAt,
            Instant closesAt,
            int durationMinutes,
            int pointsSingle,
            int pointsMultiple,
            int pointsTrueFalse,
            int passMark,
            long createdBy,
            Instant createdAt) {
        this.trainingClass = trainingClass;
        this.title = title;
        this.blueprint = blueprint;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.durationMinutes = durationMinutes;
        this.pointsSingle = pointsSingle;
        this.pointsMultiple = pointsMultiple;
        this.pointsTrueFalse = pointsTrueFalse;
        this.passMark = passMark;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Makes this a formative quiz of {@code count} questions on one unit. */
    public void quizOn(LearningUnit unit, int count) {
        this.unit = unit;
        this.questionCount = count;
    }

    /** Sets the exam with these questions of the bank (once, when it is created). */
    public void setWith(Collection<Long> questions) {
        questionIds.addAll(questions);
    }

    /** The questions of the bank the exam was set with. */
    public Set<Long> questionIds() {
        return Collections.unmodifiableSet(questionIds);
    }

    /** A formative quiz: any number of attempts, the answers shown once an attempt is submitted. */
    public boolean quiz() {
        return blueprint == Blueprint.UNIT;
    }

    public LearningUnit unit() {
        return unit;
    }

    public Integer questionCount() {
        return questionCount;
    }

    public void releaseAnswers(Instant now) {
        this.answersReleasedAt = now;
    }

    public int pointsOf(QuestionType type) {
        return switch (type) {
            case SINGLE_CHOICE -> pointsSingle;
            case MULTIPLE_CHOICE -> pointsMultiple;
            case TRUE_FALSE -> pointsTrueFalse;
        };
    }

    public Long id() {
        return id;
    }

    public TrainingClass trainingClass() {
        return trainingClass;
    }

    public String title() {
        return title;
    }

    public Blueprint blueprint() {
        return blueprint;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public int passMark() {
        return passMark;
    }

    public Instant answersReleasedAt() {
        return answersReleasedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
