package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/**
 * A row that an edition holds for one section of the seed and, where the section has one, a level and job type
 * (null for the basic course or for the whole package): course tables, blueprints, specifications, requirements,
 * discrepancies.
 */
@MappedSuperclass
public abstract class EditionSectionRow extends EditionRow {

    private String section;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_type")
    private JobType jobType;

    protected EditionSectionRow() {}

    protected EditionSectionRow(Edition edition, String section, Level level, JobType jobType) {
        super(edition);
        this.section = section;
        this.level = level;
        this.jobType = jobType;
    }

    public String section() {
        return section;
    }

    public Level level() {
        return level;
    }

    public JobType jobType() {
        return jobType;
    }
}
