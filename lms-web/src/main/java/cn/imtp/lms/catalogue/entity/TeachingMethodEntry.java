package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A teaching method of section 2.2.7 (培训建议中培训方法说明) with the seed's explanation. */
@Entity
@Cacheable
@Table(name = "catalogue_teaching_method")
public class TeachingMethodEntry extends EditionRow {

    private String name;

    @Lob
    private String description;

    @Column(name = "seed_line")
    private int seedLine;

    private int position;

    protected TeachingMethodEntry() {}

    public TeachingMethodEntry(Edition edition, String name, String description, int seedLine, int position) {
        super(edition);
        this.name = name;
        this.description = description;
        this.seedLine = seedLine;
        this.position = position;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int seedLine() {
        return seedLine;
    }
}
