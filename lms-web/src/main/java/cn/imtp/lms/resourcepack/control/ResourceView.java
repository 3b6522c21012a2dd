package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceVersion;
import java.time.Instant;
import java.util.List;

/** A resource as the API shows it; {@code versions} only to teachers and administrators. */
public record ResourceView(long id, String category, String kind, Long unitId, String level, String jobType, String title,
                           String description, String linkUrl, Instant createdAt, Integer publishedVersion,
                           List<VersionView> versions) {

    public record VersionView(int number, String assetId, String fileName, long size, Instant createdAt, Instant publishedAt) {

        static VersionView of(ResourceVersion v) {
            return new VersionView(v.number(), v.assetId().toString(), v.fileName(), v.sizeBytes(), v.createdAt(), v.publishedAt());
        }
    }

    public record Page(List<ResourceView> items, int page, int size, long total) {
    }

    static ResourceView of(Resource r, List<ResourceVersion> versions) {
        return new ResourceView(r.id(), r.category().name(), r.kind().name(), r.unitId(),
                r.level() == null ? null : r.level().name(), r.jobType() == null ? null : r.jobType().name(), r.title(),
                r.description(), r.linkUrl(), r.createdAt(), r.published() == null ? null : r.published().number(),
                versions == null ? null : versions.stream().map(VersionView::of).toList());
    }
}
