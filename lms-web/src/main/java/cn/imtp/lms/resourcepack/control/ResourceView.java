package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.lms.resourcepack.entity.ResourceVersion;
import java.time.Instant;
import java.util.List;

/**
 * A resource as the API shows it: the class it belongs to ({@code classId}, none for the library's), whether it is
 * the library's ({@code sharedWithAll}), its unit's name, and the published file's size and playing time (none for a
 * link, or before a version is published); to teachers and administrators also the classes it is shared with, whether
 * the caller may change it, its {@code versions}, and for an assessment resource whether its learners see it
 * ({@code shownToLearners}, in the window {@code shownFrom} to {@code shownUntil}, either open) and whether the caller
 * may switch that ({@code mayShowToLearners}); learners see until when a shown assessment resource stays
 * ({@code shownUntil}).
 */
public record ResourceView(
        long id,
        String category,
        String kind,
        Long unitId,
        Long classId,
        boolean sharedWithAll,
        List<Long> sharedWith,
        String level,
        String jobType,
        String title,
        String description,
        String linkUrl,
        Instant createdAt,
        Integer publishedVersion,
        Boolean mayChange,
        List<VersionView> versions,
        String unitName,
        Long size,
        Long durationMs,
        Boolean shownToLearners,
        Instant shownFrom,
        Instant shownUntil,
        Boolean mayShowToLearners) {

    public record VersionView(
            int number, String assetId, String fileName, long size, Instant createdAt, Instant publishedAt) {

        static VersionView of(ResourceVersion v) {
            return new VersionView(
                    v.number(), v.assetId().toString(), v.fileName(), v.sizeBytes(), v.createdAt(), v.publishedAt());
        }
    }

    public record Page(List<ResourceView> items, int page, int size, long total) {}

    /** {@code versions} null: as a learner sees it (no sharing, no versions, no switches). */
    static ResourceView of(
            Resource r, String unitName, List<ResourceVersion> versions, boolean mayChange, boolean mayShowToLearners) {
        boolean staff = versions != null;
        boolean assessment = r.category() == ResourceCategory.ASSESSMENT;
        return new ResourceView(
                r.id(),
                r.category().name(),
                r.kind().name(),
                r.unitId(),
                r.classId(),
                r.sharedWithAll(),
                staff ? r.sharedWith().stream().sorted().toList() : null,
                r.level() == null ? null : r.level().name(),
                r.jobType() == null ? null : r.jobType().name(),
                r.title(),
                r.description(),
                r.linkUrl(),
                r.createdAt(),
                r.published() == null ? null : r.published().number(),
                staff ? mayChange : null,
                staff ? versions.stream().map(VersionView::of).toList() : null,
                unitName,
                r.published() == null ? null : r.published().sizeBytes(),
                r.published() == null ? null : r.published().durationMs(),
                staff && assessment ? r.shownToLearners() : null,
                staff && assessment ? r.shownFrom() : null,
                assessment ? r.shownUntil() : null,
                staff && assessment ? mayShowToLearners : null);
    }
}
