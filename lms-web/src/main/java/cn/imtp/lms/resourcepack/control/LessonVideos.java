package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.lms.resourcepack.entity.ResourceKind;
import cn.imtp.lms.resourcepack.entity.ResourceVersion;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The published lesson videos (learning videos of a unit) that reach one class, as a learner's study pages show them:
 * title, unit, playing time, the asset the learner's watched seconds are kept for, and a poster the caller may load
 * (a view grant of the caller's own, as for playing: media-service serves the poster to that grant only). Whether the
 * caller studies in the class is the caller's (attendance's) check, made before asking: nothing here throws for a
 * video that no longer plays there, it is left out.
 */
@ApplicationScoped
public class LessonVideos {

    /** {@code durationMs}: null for a version published before its playing time was kept, until it is first played. */
    public record LessonVideo(
            long resourceId,
            long unitId,
            String title,
            String unitName,
            UUID assetId,
            Long durationMs,
            String posterUrl) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    MediaTickets tickets;

    /** The unit's lesson videos that reach the class, in the order they were added. */
    @Transactional
    public List<LessonVideo> ofUnit(long classId, long unitId, Caller learner) {
        return views(publishedReaching(classId, unitId), learner);
    }

    /**
     * The unit's published learning videos that reach the class (its own, shared with it or with every class; not
     * deleted), in the order they were added: a unit is the catalogue's, so other classes' videos of it are left out.
     */
    List<Resource> publishedReaching(long classId, long unitId) {
        List<Resource> resources = em.createQuery(
                        "SELECT r FROM Resource r JOIN FETCH r.published WHERE r.unitId = :u AND r.category = :c"
                                + " AND r.kind = :k AND r.deletedAt IS NULL ORDER BY r.id",
                        Resource.class)
                .setParameter("u", unitId)
                .setParameter("c", ResourceCategory.LEARNING)
                .setParameter("k", ResourceKind.VIDEO)
                .getResultList();
        return reaching(classId, resources);
    }

    /** The lesson video, if it still plays in the class (not deleted, published, still reaching the class). */
    @Transactional
    public Optional<LessonVideo> find(long classId, long resourceId, Caller learner) {
        Resource r = em.find(Resource.class, resourceId);
        if (r == null
                || r.deleted()
                || r.published() == null
                || r.unitId() == null
                || r.category() != ResourceCategory.LEARNING
                || r.kind() != ResourceKind.VIDEO) {
            return Optional.empty();
        }
        return views(reaching(classId, List.of(r)), learner).stream().findFirst();
    }

    private List<Resource> reaching(long classId, List<Resource> resources) {
        if (resources.isEmpty()) {
            return List.of();
        }
        ResourceAccess.Scope scope = ResourcePacks.scope(classes.membershipOf(classId));
        return resources.stream()
                .filter(r -> ResourceAccess.reaches(ResourcePacks.reach(r), scope))
                .toList();
    }

    private List<LessonVideo> views(List<Resource> resources, Caller learner) {
        return resources.stream()
                .map(r -> {
                    ResourceVersion v = r.published();
                    LearningUnit u = em.find(LearningUnit.class, r.unitId());
                    return new LessonVideo(
                            r.id(),
                            r.unitId(),
                            r.title(),
                            u == null ? null : u.name(),
                            v.assetId(),
                            v.durationMs(),
                            tickets.view(v.assetId(), "VIDEO", learner).posterUrl());
                })
                .toList();
    }
}
