package cn.imtp.lms.cohort.entity;

import cn.imtp.lms.plan.entity.TrainingPlan;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "training_class")
public class TrainingClass {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id")
    private TrainingPlan plan;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode")
    private DeliveryMode deliveryMode;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "leads_to_certificate")
    private boolean leadsToCertificate;

    @Enumerated(EnumType.STRING)
    private ClassStatus status;

    @Column(name = "class_hour_minutes")
    private Integer classHourMinutes;

    @Column(name = "activated_at")
    private Instant activatedAt;

    /** Presence checks (face) per class hour of study; null: the class has none. Chosen when the class is created. */
    @Column(name = "presence_checks_per_hour")
    private Integer presenceChecksPerHour;

    /** How long a learner has to answer a presence check, in seconds. */
    @Column(name = "presence_answer_seconds")
    private Integer presenceAnswerSeconds;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "class_learner", joinColumns = @JoinColumn(name = "class_id"))
    @Column(name = "account_id")
    private Set<Long> learnerIds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "trainingClass", cascade = CascadeType.PERSIST)
    private List<ClassTeacher> teachers = new ArrayList<>();

    @OneToMany(mappedBy = "trainingClass", cascade = CascadeType.PERSIST)
    @OrderBy("date, start")
    private List<Lesson> lessons = new ArrayList<>();

    protected TrainingClass() {}

    public TrainingClass(
            String name,
            TrainingPlan plan,
            DeliveryMode deliveryMode,
            LocalDate startsOn,
            LocalDate endsOn,
            boolean leadsToCertificate) {
        this.name = name;
        this.plan = plan;
        this.deliveryMode = deliveryMode;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.leadsToCertificate = leadsToCertificate;
        this.status = ClassStatus.DRAFT;
    }

    /** Asks for presence checks: {@code perClassHour} per class hour, each answered within {@code answerSeconds}. */
    public void requirePresenceChecks(int perClassHour, int answerSeconds) {
        this.presenceChecksPerHour = perClassHour;
        this.presenceAnswerSeconds = answerSeconds;
    }

    public Integer presenceChecksPerHour() {
        return presenceChecksPerHour;
    }

    public Integer presenceAnswerSeconds() {
        return presenceAnswerSeconds;
    }

    /** Fixes the length of a class hour for the class's life. */
    public void activate(int classHourMinutes) {
        this.status = ClassStatus.ACTIVE;
        this.classHourMinutes = classHourMinutes;
        this.activatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TrainingPlan plan() {
        return plan;
    }

    public DeliveryMode deliveryMode() {
        return deliveryMode;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public boolean leadsToCertificate() {
        return leadsToCertificate;
    }

    public ClassStatus status() {
        return status;
    }

    public Integer classHourMinutes() {
        return classHourMinutes;
    }

    public Set<Long> learnerIds() {
        return learnerIds;
    }

    public List<ClassTeacher> teachers() {
        return teachers;
    }

    public List<Lesson> lessons() {
        return lessons;
    }
}
