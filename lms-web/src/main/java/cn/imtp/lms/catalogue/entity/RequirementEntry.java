package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One training content of the training requirements (section 2.1, 培训要求): its skill targets with their training
 * items as JSON (the shape of {@code PackageData.SkillTarget}), or the basic course's training items. Matched to the
 * courses of 1.1.2 by code when read.
 */
@Entity
@Cacheable
@Table(name = "catalogue_requirement")
public class RequirementEntry extends EditionSectionRow {

    @Column(name = "module_code")
    private String moduleCode;

    @Column(name = "module_name")
    private String moduleName;

    @Column(name = "content_code")
    private String contentCode;

    @Column(name = "content_name")
    private String contentName;

    @Lob
    private String targets;

    @Lob
    private String items;

    @Column(name = "seed_line")
    private int seedLine;

    private int position;

    protected RequirementEntry() {}

    public RequirementEntry(
            Edition edition,
            String section,
            Level level,
            JobType jobType,
            String moduleCode,
            String moduleName,
            String contentCode,
            String contentName,
            String targetsJson,
            String itemsJson,
            int seedLine,
            int position) {
        super(edition, section, level, jobType);
        this.moduleCode = moduleCode;
        this.moduleName = moduleName;
        this.contentCode = contentCode;
        this.contentName = contentName;
        this.targets = targetsJson;
        this.items = itemsJson;
        this.seedLine = seedLine;
        this.position = position;
    }

    public String moduleCode() {
        return moduleCode;
    }

    public String moduleName() {
        return moduleName;
    }

    public String contentCode() {
        return contentCode;
    }

    public String contentName() {
        return contentName;
    }

    /** The skill targets as JSON: {@code [{"code", "text", "items": [...], "seedLine"}]}, empty for the basic course. */
    public String targetsJson() {
        return targets;
    }

    /** The basic course's training items as JSON: {@code [...]}, empty for a skill course. */
    public String itemsJson() {
        return items;
    }

    public int seedLine() {
        return seedLine;
    }
}
