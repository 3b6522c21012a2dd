package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A row of the hours allocation table (1.1.1): the minimum class hours of one level. */
@Entity
@Cacheable
@Table(name = "catalogue_allocation")
public class AllocationEntry extends EditionRow {

    @Enumerated(EnumType.STRING)
    private Level level;

    @Column(name = "basic_hours")
    private int basicHours;

    @Column(name = "skill_hours")
    private int skillHours;

    @Column(name = "other_hours")
    private int otherHours;

    @Column(name = "total_hours")
    private int totalHours;

    protected AllocationEntry() {}

    public AllocationEntry(
            Edition edition, Level level, int basicHours, int skillHours, int otherHours, int totalHours) {
        super(edition);
        this.level = level;
        this.basicHours = basicHours;
        this.skillHours = skillHours;
        this.otherHours = otherHours;
        this.totalHours = totalHours;
    }

    public Level level() {
        return level;
    }

    public int basicHours() {
        return basicHours;
    }

    public int skillHours() {
        return skillHours;
    }

    public int otherHours() {
        return otherHours;
    }

    public int totalHours() {
        return totalHours;
    }
}
