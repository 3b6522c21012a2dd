package cn.imtp.lms.exam.entity;

import cn.imtp.lms.questionbank.entity.Options;
import cn.imtp.lms.questionbank.entity.Question;
import cn.imtp.lms.questionbank.entity.QuestionType;
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

/**
 * One question of an attempt, copied from the bank when the paper was drawn, with the learner's answer.
 * A multiple-choice answer earns its points only when it is exactly the right set (多选、少选、错选均不得分).
 */
@Entity
@Table(name = "assessment_attempt_item")
public class AttemptItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "attempt_id")
    private Attempt attempt;

    private int position;

    @Column(name = "question_id")
    private long questionId;

    @Column(name = "module_code")
    private String moduleCode;

    @Column(name = "module_name")
    private String moduleName;

    @Column(name = "course_code")
    private String courseCode;

    @Column(name = "unit_name")
    private String unitName;

    @Enumerated(EnumType.STRING)
    private QuestionType type;

    private String stem;

    private String options;

    @Column(name = "correct_answer")
    private String correctAnswer;

    private String explanation;

    private int points;

    private String answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private Integer awarded;

    protected AttemptItem() {}

    public AttemptItem(
            Attempt attempt,
            int position,
            Question q,
            String moduleCode,
            String moduleName,
            String courseCode,
            String unitName,
            int points) {
        this.attempt = attempt;
        this.position = position;
        this.questionId = q.id();
        this.moduleCode = moduleCode;
        this.moduleName = moduleName;
        this.courseCode = courseCode;
        this.unitName = unitName;
        this.type = q.type();
        this.stem = q.stem();
        this.options = Options.toJson(q.options());
        this.correctAnswer = q.answer();
        this.explanation = q.explanation();
        this.points = points;
    }

    /** {@code canonical} is null to clear the answer. */
    public void answer(String canonical, Instant at) {
        this.answer = canonical;
        this.answeredAt = at;
    }

    void grade() {
        awarded = correctAnswer.equals(answer) ? points : 0;
    }

    public int position() {
        return position;
    }

    public long questionId() {
        return questionId;
    }

    public String moduleCode() {
        return moduleCode;
    }

    public String moduleName() {
        return moduleName;
    }

    public String courseCode() {
        return courseCode;
    }

    public String unitName() {
        return unitName;
    }

    public QuestionType type() {
        return type;
    }

    public String stem() {
        return stem;
    }

    public List<String> options() {
        return Options.fromJson(options);
    }

    public String correctAnswer() {
        return correctAnswer;
    }

    public String explanation() {
        return explanation;
    }

    public int points() {
        return points;
    }

    public String answer() {
        return answer;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public int awarded() {
        return awarded == null ? 0 : awarded;
    }
}
