package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** One assessed course of a theory blueprint (section 2.3) with its module's and its own weight in %. */
@Entity
@Cacheable
@Table(name = "catalogue_blueprint_course")
public class BlueprintCourseEntry extends EditionSectionRow {

    private String kind;

    private String title;

    @Column(name = "module_code")
    private String moduleCode;

    @Column(name = "module_name")
    private String moduleName;

    @Column(name = "module_weight")
    private int moduleWeight;

    @Column(name = "course_code")
    private String courseCode;

    @Column(name = "course_name")
    private String courseName;

    @Column(name = "course_weight")
    private int courseWeight;

    @Column(name = "assessed_units")
    private String assessedUnits;

    @Column(name = "seed_line")
    private int seedLine;

    private int position;

    protected BlueprintCourseEntry() {}

    public BlueprintCourseEntry(
            Edition edition,
            String section,
            String kind,
            Level level,
            JobType jobType,
            String title,
            String moduleCode,
            String moduleName,
            int moduleWeight,
            String courseCode,
            String courseName,
            int courseWeight,
            List<String> assessedUnits,
            int seedLine,
            int position) {
        super(edition, section, level, jobType);
        this.kind = kind;
        this.title = title;
        this.moduleCode = moduleCode;
        this.moduleName = moduleName;
        this.moduleWeight = moduleWeight;
        this.courseCode = courseCode;
        this.courseName = courseName;
        this.courseWeight = courseWeight;
        this.assessedUnits = String.join("\n", assessedUnits);
        this.seedLine = seedLine;
        this.position = position;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String moduleCode() {
        return moduleCode;
    }

    public String moduleName() {
        return moduleName;
    }

    public int moduleWeight() {
        return moduleWeight;
    }

    public String courseCode() {
        return courseCode;
    }

    public String courseName() {
        return courseName;
    }

    public int courseWeight() {
        return courseWeight;
    }

    public List<String> assessedUnits() {
        return assessedUnits.isEmpty() ? List.of() : Arrays.asList(assessedUnits.split("\n"));
    }
}
