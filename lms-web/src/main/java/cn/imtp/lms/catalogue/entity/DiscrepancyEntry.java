package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A contradiction within the seed, found when its edition was imported. */
@Entity
@Cacheable
@Table(name = "catalogue_discrepancy")
public class DiscrepancyEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    private String section;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_type")
    private JobType jobType;

    private String kind;

    private String message;

    @Column(name = "seed_lines")
    private String seedLines;

    protected DiscrepancyEntry() {
    }

    public DiscrepancyEntry(Edition edition, String section, Level level, JobType jobType, String kind, String message, String seedLines) {
        this.edition = edition;
        this.section = section;
        this.level = level;
        this.jobType = jobType;
        this.kind = kind;
        this.message = message;
        this.seedLines = seedLines;
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
