package cn.imtp.lms.resourcepack.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One uploaded file of a resource; earlier versions are kept when a new one is uploaded. */
@Entity
@Table(name = "resource_version")
public class ResourceVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "resource_id")
    private Resource resource;

    private int number;

    @Column(name = "asset_id")
    private String assetId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /**
     * How long the file plays, as media-service reported it when the version was published (null: not a timed file,
     * or published before lms-web kept it).
     */
    @Column(name = "duration_ms")
    private Long durationMs;

    protected ResourceVersion() {}

    public ResourceVersion(
            Resource resource,
            int number,
            UUID assetId,
            String fileName,
            long sizeBytes,
            long createdBy,
            Instant createdAt) {
        this.resource = resource;
        this.number = number;
        this.assetId = assetId.toString();
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Resource resource() {
        return resource;
    }

    public int number() {
        return number;
    }

    public UUID assetId() {
        return UUID.fromString(assetId);
    }

    public String fileName() {
        return fileName;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** A deleted version (or an upload cancelled) keeps its row and number, so that numbers are never reused. */
    public void delete(Instant at) {
        if (deletedAt == null) {
            deletedAt = at;
        }
    }

    public void markPublished(Instant at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    public Long durationMs() {
        return durationMs;
    }

    /** Keeps the playing time media-service reported for the ready file (nothing when it reported none). */
    public void recordDuration(Long ms) {
        if (ms != null) {
            durationMs = ms;
        }
    }
}
