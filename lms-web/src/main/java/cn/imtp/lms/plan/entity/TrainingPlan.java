package cn.imtp.lms.plan.entity;

import cn.imtp.lms.catalogue.entity.Edition;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A training plan: units of one catalogue edition, for one level and job type. */
@Entity
@Table(name = "training_plan")
public class TrainingPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id", updatable = false)
    private Edition edition;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_type", nullable = false, updatable = false)
    private JobType jobType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PlanKind kind;

    @Column(name = "employer_order")
    private String employerOrder;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ManyToMany
    @JoinTable(
            name = "training_plan_unit",
            joinColumns = @JoinColumn(name = "plan_id"),
            inverseJoinColumns = @JoinColumn(name = "unit_id"))
    @OrderBy("id")
    private List<LearningUnit> units = new ArrayList<>();

    protected TrainingPlan() {}

    public TrainingPlan(
            Edition edition,
            String name,
            Level level,
            JobType jobType,
            PlanKind kind,
            String employerOrder,
            String createdBy,
            List<LearningUnit> units) {
        this.edition = edition;
        this.name = name;
        this.level = level;
        this.jobType = jobType;
        this.kind = kind;
        this.employerOrder = employerOrder;
        this.createdBy = createdBy;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.units.addAll(units);
    }

    public Long id() {
        return id;
    }

    public Edition edition() {
        return edition;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    public JobType jobType() {
        return jobType;
    }

    public PlanKind kind() {
        return kind;
    }

    public String employerOrder() {
        return employerOrder;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The plan's units in the training package's order (table, module, course, unit). */
    public List<LearningUnit> units() {
        return units.stream().sorted(LearningUnit.CATALOGUE_ORDER).toList();
    }
}
