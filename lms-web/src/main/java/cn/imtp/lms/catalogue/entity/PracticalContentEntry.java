package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One assessed content of a practical-exam blueprint (section 2.3, 操作技能考核规范) with its module's and its
 * own weight in %, its form, selection, minutes and importance, in the seed's words.
 */
@Entity
@Cacheable
@Table(name = "catalogue_practical_content")
public class PracticalContentEntry extends EditionSectionRow {

    /** 实操 (hands-on) or 笔试 (written), as the API names them. */
    public enum Form {
        HANDS_ON,
        WRITTEN
    }

    private String title;

    @Column(name = "module_code")
    private String moduleCode;

    @Column(name = "module_name")
    private String moduleName;

    @Column(name = "module_weight")
    private int moduleWeight;

    @Column(name = "content_code")
    private String contentCode;

    @Column(name = "content_name")
    private String contentName;

    @Column(name = "content_weight")
    private int contentWeight;

    private String form;

    private String selection;

    private int minutes;

    private String importance;

    @Column(name = "seed_line")
    private int seedLine;

    private int position;

    protected PracticalContentEntry() {}

    public PracticalContentEntry(
            Edition edition,
            String section,
            Level level,
            JobType jobType,
            String title,
            String moduleCode,
            String moduleName,
            int moduleWeight,
            String contentCode,
            String contentName,
            int contentWeight,
            String form,
            String selection,
            int minutes,
            String importance,
            int seedLine,
            int position) {
        super(edition, section, level, jobType);
        this.title = title;
        this.moduleCode = moduleCode;
        this.moduleName = moduleName;
        this.moduleWeight = moduleWeight;
        this.contentCode = contentCode;
        this.contentName = contentName;
        this.contentWeight = contentWeight;
        this.form = form;
        this.selection = selection;
        this.minutes = minutes;
        this.importance = importance;
        this.seedLine = seedLine;
        this.position = position;
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

    public String contentCode() {
        return contentCode;
    }

    public String contentName() {
        return contentName;
    }

    public int contentWeight() {
        return contentWeight;
    }

    public Form form() {
        return "实操".equals(form) ? Form.HANDS_ON : Form.WRITTEN;
    }

    /** 必考: every candidate is assessed on it; 选考: it is drawn among others. */
    public boolean required() {
        return "必考".equals(selection);
    }

    public int minutes() {
        return minutes;
    }

    /** X: core (核心要素); Y: general (一般要素). */
    public String importance() {
        return importance;
    }

    /** The row's place in its blueprint, as the seed lists them. */
    public int position() {
        return position;
    }

    public int seedLine() {
        return seedLine;
    }
}
