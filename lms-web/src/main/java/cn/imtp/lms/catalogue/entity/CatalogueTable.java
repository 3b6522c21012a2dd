package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A table of section 1.1.2: the basic course (no level, no job type) or one level's skill course for one job type. */
@Entity
@Cacheable
@Table(name = "catalogue_table")
public class CatalogueTable extends EditionSectionRow {

    private String title;

    @Column(name = "stated_total_hours")
    private int statedTotalHours;

    @Column(name = "seed_first_line")
    private int seedFirstLine;

    @Column(name = "seed_last_line")
    private int seedLastLine;

    private int position;

    @OneToMany(mappedBy = "table", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<CatalogueModule> modules = new ArrayList<>();

    protected CatalogueTable() {}

    public CatalogueTable(
            Edition edition,
            String section,
            Level level,
            JobType jobType,
            String title,
            int statedTotalHours,
            int seedFirstLine,
            int seedLastLine,
            int position) {
        super(edition, section, level, jobType);
        this.title = title;
        this.statedTotalHours = statedTotalHours;
        this.seedFirstLine = seedFirstLine;
        this.seedLastLine = seedLastLine;
        this.position = position;
    }

    public String title() {
        return title;
    }

    public int statedTotalHours() {
        return statedTotalHours;
    }

    public String seedLines() {
        return seedFirstLine + "-" + seedLastLine;
    }

    public List<CatalogueModule> modules() {
        return modules;
    }

    public int unitHours() {
        return modules.stream()
                .flatMap(m -> m.courses().stream())
                .flatMap(c -> c.units().stream())
                .mapToInt(LearningUnit::hours)
                .sum();
    }

    /** Where it stands among its siblings in the training package (0-based). */
    public int position() {
        return position;
    }
}
