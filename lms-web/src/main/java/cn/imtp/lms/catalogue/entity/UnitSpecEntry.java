package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One learning unit of a course specification (section 2.2, 培训课程规范) as 2.2 lists it: its content outline and
 * key points as JSON (the shapes of {@code PackageData.SpecContent} and {@code PackageData.KeyPoint}), teaching
 * methods and class hours in the seed's words. Matched to the units of 1.1.2 by course code when read.
 */
@Entity
@Cacheable
@Table(name = "catalogue_unit_spec")
public class UnitSpecEntry extends EditionSectionRow {

    @Column(name = "module_code")
    private String moduleCode;

    @Column(name = "module_name")
    private String moduleName;

    @Column(name = "course_code")
    private String courseCode;

    @Column(name = "course_name")
    private String courseName;

    private Integer seq;

    private String name;

    private int hours;

    @Lob
    private String content;

    private String methods;

    @Lob
    @Column(name = "key_points")
    private String keyPoints;

    @Column(name = "seed_line")
    private int seedLine;

    private int position;

    protected UnitSpecEntry() {}

    public UnitSpecEntry(
            Edition edition,
            String section,
            Level level,
            JobType jobType,
            String moduleCode,
            String moduleName,
            String courseCode,
            String courseName,
            Integer seq,
            String name,
            int hours,
            String contentJson,
            String methods,
            String keyPointsJson,
            int seedLine,
            int position) {
        super(edition, section, level, jobType);
        this.moduleCode = moduleCode;
        this.moduleName = moduleName;
        this.courseCode = courseCode;
        this.courseName = courseName;
        this.seq = seq;
        this.name = name;
        this.hours = hours;
        this.content = contentJson;
        this.methods = methods;
        this.keyPoints = keyPointsJson;
        this.seedLine = seedLine;
        this.position = position;
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

    public String courseName() {
        return courseName;
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

    /** The content outline as JSON: {@code [{"text", "points": [...]}]}. */
    public String contentJson() {
        return content;
    }

    /** The teaching methods as the seed writes them, e.g. "讲授法、案例教学法". */
    public String methods() {
        return methods;
    }

    /** The key and difficult points as JSON: {@code [{"label", "text"}]}. */
    public String keyPointsJson() {
        return keyPoints;
    }

    public int seedLine() {
        return seedLine;
    }

    public int position() {
        return position;
    }
}
