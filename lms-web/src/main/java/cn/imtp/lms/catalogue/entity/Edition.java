package cn.imtp.lms.catalogue.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** One imported edition of the course pack; never changed after import. */
@Entity
@Cacheable
@Table(name = "catalogue_edition")
public class Edition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;

    /** Sections 1.1.3 and 1.3.1 as JSON (the shape of {@code PackageData.Rules}); null in editions imported before they were data. */
    @Lob
    @Column(name = "package_rules")
    private String rules;

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<CatalogueTable> tables = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("level DESC")
    private List<AllocationEntry> allocation = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<DiscrepancyEntry> discrepancies = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<BlueprintCourseEntry> blueprints = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<PracticalContentEntry> practicals = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<UnitSpecEntry> specs = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<TeachingMethodEntry> methods = new ArrayList<>();

    @OneToMany(mappedBy = "edition", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<RequirementEntry> requirements = new ArrayList<>();

    protected Edition() {}

    public Edition(String code, String title, String source, String contentHash) {
        this.code = code;
        this.title = title;
        this.source = source;
        this.contentHash = contentHash;
        this.importedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String contentHash() {
        return contentHash;
    }

    public Instant importedAt() {
        return importedAt;
    }

    public String rulesJson() {
        return rules;
    }

    public void rules(String json) {
        this.rules = json;
    }

    public List<CatalogueTable> tables() {
        return tables;
    }

    public List<AllocationEntry> allocation() {
        return allocation;
    }

    public List<DiscrepancyEntry> discrepancies() {
        return discrepancies;
    }

    /** The practical-exam blueprints, content by content in the seed's order. */
    public List<PracticalContentEntry> practicals() {
        return practicals;
    }

    /** The course specifications of section 2.2, unit by unit in the seed's order. */
    public List<UnitSpecEntry> specs() {
        return specs;
    }

    /** The training requirements of section 2.1, content by content. */
    public List<RequirementEntry> requirements() {
        return requirements;
    }

    /** The teaching methods of section 2.2.7. */
    public List<TeachingMethodEntry> methods() {
        return methods;
    }

    public List<BlueprintCourseEntry> blueprints() {
        return blueprints;
    }
}
