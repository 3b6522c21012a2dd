package cn.imtp.lms.resourcepack.entity;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "resource")
public class Resource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ResourceCategory category;

    @Enumerated(EnumType.STRING)
    private ResourceKind kind;

    @Column(name = "unit_id")
    private Long unitId;

    /** The class the resource was added in (null: the institution's library). */
    @Column(name = "class_id")
    private Long classId;

    /** Shared with every class whose plan has the unit (every class, for a resource without a unit). */
    @Column(name = "shared_with_all")
    private boolean sharedWithAll;

    /** The other classes an administrator shared it with. */
    @ElementCollection
    @CollectionTable(name = "resource_share", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "class_id")
    private Set<Long> sharedWith = new HashSet<>();

    /** For an assessment resource: whether the learners of the classes it reaches see it (off until a teacher says so). */
    @Column(name = "shown_to_learners")
    private boolean shownToLearners;

    @Column(name = "shown_from")
    private Instant shownFrom;

    @Column(name = "shown_until")
    private Instant shownUntil;

    @Enumerated(EnumType.STRING)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_type")
    private JobType jobType;

    private String title;

    private String description;

    @Column(name = "link_url")
    private String linkUrl;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @OneToOne
    @JoinColumn(name = "published_version_id")
    private ResourceVersion published;

    @Version
    private long version;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Resource() {}

    public Resource(
            ResourceCategory category,
            ResourceKind kind,
            Long unitId,
            Long classId,
            Level level,
            JobType jobType,
            String title,
            String description,
            String linkUrl,
            long createdBy,
            Instant createdAt) {
        this.category = category;
        this.kind = kind;
        this.unitId = unitId;
        this.classId = classId;
        this.sharedWithAll = classId == null;
        this.level = level;
        this.jobType = jobType;
        this.title = title;
        this.description = description;
        this.linkUrl = linkUrl;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public ResourceCategory category() {
        return category;
    }

    public ResourceKind kind() {
        return kind;
    }

    public Long unitId() {
        return unitId;
    }

    public Long classId() {
        return classId;
    }

    public boolean sharedWithAll() {
        return sharedWithAll;
    }

    public Set<Long> sharedWith() {
        return Set.copyOf(sharedWith);
    }

    /** Who else sees it: these classes, and with {@code all} every class whose plan has its unit. */
    public void share(Set<Long> classes, boolean all) {
        sharedWith.clear();
        sharedWith.addAll(classes);
        sharedWithAll = all;
    }

    public boolean shownToLearners() {
        return shownToLearners;
    }

    /** From when a shown assessment resource reaches learners (inclusive); null: as soon as it is shown. */
    public Instant shownFrom() {
        return shownFrom;
    }

    /** Until when a shown assessment resource reaches learners (exclusive); null: until it is hidden. */
    public Instant shownUntil() {
        return shownUntil;
    }

    /** Shows it to learners (in the window from {@code from} until {@code until}, either open), or hides it. */
    public void showToLearners(boolean shown, Instant from, Instant until) {
        shownToLearners = shown;
        shownFrom = shown ? from : null;
        shownUntil = shown ? until : null;
    }

    public Level level() {
        return level;
    }

    public JobType jobType() {
        return jobType;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String linkUrl() {
        return linkUrl;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ResourceVersion published() {
        return published;
    }

    public void publish(ResourceVersion v) {
        this.published = v;
    }

    /** When a teacher or administrator deleted it; the row stays, for the attendance records that name it. */
    public boolean deleted() {
        return deletedAt != null;
    }

    public void delete(Instant at) {
        if (deletedAt == null) {
            deletedAt = at;
        }
    }
}
