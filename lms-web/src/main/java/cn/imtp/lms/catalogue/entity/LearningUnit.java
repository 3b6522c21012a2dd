package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Comparator;

/** A learning unit (学习单元) with its minimum class hours; what plans, resources and attendance point at. */
@Entity
@Cacheable
@Table(name = "catalogue_unit")
public class LearningUnit {

    /** The training package's own order: table, module, course, then the unit within its course. */
    public static final Comparator<LearningUnit> CATALOGUE_ORDER = Comparator.comparingInt(
                    (LearningUnit u) -> u.course().module().table().position())
            .thenComparingInt(u -> u.course().module().position())
            .thenComparingInt(u -> u.course().position())
            .thenComparingInt(LearningUnit::position);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    private CatalogueCourse course;

    private Integer seq;

    private String name;

    private int hours;

    @Column(name = "seed_line")
    private int seedLine;

    private int position;

    protected LearningUnit() {}

    public LearningUnit(CatalogueCourse course, Integer seq, String name, int hours, int seedLine, int position) {
        this.course = course;
        this.seq = seq;
        this.name = name;
        this.hours = hours;
        this.seedLine = seedLine;
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public CatalogueCourse course() {
        return course;
    }

    public Integer seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    public int hours() {
        return hours;
    }

    public int seedLine() {
        return seedLine;
    }

    /** Where it stands among its siblings in the training package (0-based). */
    public int position() {
        return position;
    }
}
