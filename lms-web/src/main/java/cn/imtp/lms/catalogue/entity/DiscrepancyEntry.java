package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A contradiction within the seed, found when its edition was imported. */
@Entity
@Cacheable
@Table(name = "catalogue_discrepancy")
public class DiscrepancyEntry extends EditionSectionRow {

    private String kind;

    private String message;

    @Column(name = "seed_lines")
    private String seedLines;

    protected DiscrepancyEntry() {
    }

    public DiscrepancyEntry(Edition edition, String section, Level level, JobType jobType, String kind, String message, String seedLines) {
        super(edition, section, level, jobType);
        this.kind = kind;
        this.message = message;
        this.seedLines = seedLines;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public String seedLines() {
        return seedLines;
    }
}
