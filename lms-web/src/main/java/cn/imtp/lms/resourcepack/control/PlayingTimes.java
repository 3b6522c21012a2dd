package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceVersion;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * How long the published versions of resources play, for attendance (the bound of a learner's claims) and live lessons
 * (the videos a stage may play), from lms-web's own rows: media-service's figure is kept on the version when it is
 * published ({@link ResourcePacks#publish}). A version published before lms-web kept it has none: media-service is
 * asked ({@link MediaStates}) the first time it is needed, and its answer is kept once the file is READY (a file still
 * PROCESSING may yet change its figure, so it is asked again next time).
 */
@ApplicationScoped
public class PlayingTimes {

    private static final Logger LOG = Logger.getLogger(PlayingTimes.class.getName());

    /** A published learning video of a unit and how long it plays. */
    public record PublishedVideo(long resourceId, String title, long durationMs) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    MediaStates mediaStates;

    @Inject
    LessonVideos lessonVideos;

    /**
     * How long the resource's published version plays, if it may be played for credit: the figure kept at publishing,
     * else media-service's for a file PROCESSING (early playback) or READY. Null for a file in any other state, for one
     * without a playing time, and for a resource without a published version; 503 when media-service must be asked and
     * cannot say. {@code caller}: whose view grant asks media-service.
     */
    @Transactional
    public Long playable(long resourceId, Caller caller) {
        Resource r = em.find(Resource.class, resourceId);
        ResourceVersion v = r == null ? null : r.published();
        if (v == null) {
            return null;
        }
        if (v.durationMs() != null) {
            return v.durationMs();
        }
        MediaStates.Status status = mediaStates.status(v.assetId(), r.kind().name(), caller);
        return "PROCESSING".equals(status.state()) || "READY".equals(status.state()) ? keep(v, status) : null;
    }

    /**
     * The unit's published learning videos that reach the class (its own and those shared with it) and have a playing
     * time, by title. A video whose figure media-service must be asked for and cannot give now is left out (and logged)
     * until it can: the list is not refused for it.
     */
    @Transactional
    public List<PublishedVideo> videosOf(long classId, long unitId, Caller caller) {
        List<Resource> resources = new ArrayList<>(lessonVideos.publishedReaching(classId, unitId));
        resources.sort(java.util.Comparator.comparing(Resource::title));
        List<PublishedVideo> videos = new ArrayList<>();
        for (Resource r : resources) {
            Long ms = r.published().durationMs();
            if (ms == null) {
                ms = asked(r, caller);
            }
            if (ms != null) {
                videos.add(new PublishedVideo(r.id(), r.title(), ms));
            }
        }
        return videos;
    }

    /** media-service's figure for the resource's published version, whatever its state; null when it cannot say now. */
    private Long asked(Resource r, Caller caller) {
        ResourceVersion v = r.published();
        try {
            return keep(v, mediaStates.status(v.assetId(), r.kind().name(), caller));
        } catch (PlatformException e) {
            LOG.warning(() -> "Resource " + r.id() + " is left out of its unit's videos for now: " + e.getMessage());
            return null;
        }
    }

    /** The figure media-service gave, kept on the version once the file is READY (its figure is then final). */
    private static Long keep(ResourceVersion v, MediaStates.Status status) {
        if ("READY".equals(status.state())) {
            v.recordDuration(status.durationMs());
        }
        return status.durationMs();
    }
}
