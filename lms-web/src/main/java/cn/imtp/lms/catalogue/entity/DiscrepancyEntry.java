package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A contradiction within the seed, found when its edition was imported, described in English ({@code message}) and in
 * Chinese ({@code message_zh}; null in a database imported before the Chinese was written).
 */
@Entity
@Cacheable
@Table(name = "catalogue_discrepancy")
public class DiscrepancyEntry extends EditionSectionRow {

    private String kind;

    private String message;

    @Column(name = "message_zh")
    private String messageZh;

    @Column(name = "seed_lines")
    private String seedLines;

    protected DiscrepancyEntry() {}

    public DiscrepancyEntry(
            Edition edition,
            String section,
            Level level,
            JobType jobType,
            String kind,
            String message,
            String messageZh,
            String seedLines) {
        super(edition, section, level, jobType);
        this.kind = kind;
        this.message = message;
        this.messageZh = messageZh;
        this.seedLines = seedLines;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    /** The Chinese of {@link #message()}; null when the edition was imported before it was written. */
    public String messageZh() {
        return messageZh;
    }

    public String seedLines() {
        return seedLines;
    }
}
