package cn.imtp.lms.attendance.control;

import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.resourcepack.control.LessonVideos;
import cn.imtp.lms.resourcepack.control.LessonVideos.LessonVideo;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's own progress in the lesson videos, from their playback records: where their study goes on (the home's
 * 继续学习 card) and, per video of a unit, how much was watched and where its player starts. Only the caller's rows are
 * read (the learner is the query's scope), only for their active classes; a teacher or an administrator has no such
 * record (the endpoints admit learners only).
 */
@ApplicationScoped
public class StudyProgress {

    /** How many of the learner's latest watched videos are looked at for one still playing in an active class. */
    static final int LATEST = 20;

    /**
     * One lesson video as its learner stands in it: {@code watchedSeconds} credited (each second once),
     * {@code startsAtMs} where its player starts, {@code finished} when watched to its end; {@code durationMs} null when
     * not known yet (never played).
     */
    public record VideoProgress(
            long resourceId,
            String title,
            Long durationMs,
            String posterUrl,
            int watchedSeconds,
            long startsAtMs,
            boolean finished) {}

    /** A unit's lesson videos for one of the learner's classes, in the order they were added. */
    public record UnitVideos(long classId, long unitId, List<VideoProgress> items) {}

    /** Where the learner's study goes on: the video last watched, for which class and unit, and when. */
    public record ResumePoint(
            long classId, String className, long unitId, String unitName, Instant watchedAt, VideoProgress video) {}

    /** {@code point} absent when there is nothing to go on with (nothing watched, or the last video watched whole). */
    public record Resume(ResumePoint point) {}

    private record Stand(BitSet seconds, int creditedSeconds, long resumeMs) {
        static final Stand NONE = new Stand(new BitSet(), 0, 0);
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    LessonVideos videos;

    /**
     * The video the learner watched last in an active class that still plays there, with where its player starts; none
     * when that video was watched to its end (the home then offers the next unit to finish) or nothing was watched.
     */
    @Transactional
    public Resume resume(Caller learner) {
        long me = learner.accountId();
        // The session's duration is the one its player and its credit used.
        List<ResumeRule.Watched> watched = new ArrayList<>();
        Map<List<Long>, Long> durations = new HashMap<>();
        Bulk.on(em)
                .select(
                        "SELECT s.class_id, s.unit_id, s.resource_id, MAX(s.last_beat_at) AS watched_at,"
                                + " MAX(s.duration_seconds) AS duration_seconds FROM playback_session s"
                                + " WHERE s.learner_id = ? AND s.last_beat_at IS NOT NULL"
                                + " GROUP BY s.class_id, s.unit_id, s.resource_id ORDER BY watched_at DESC LIMIT ?",
                        List.of(me, LATEST),
                        r -> {
                            ResumeRule.Watched w = new ResumeRule.Watched(
                                    r.getLong("class_id"),
                                    r.getLong("unit_id"),
                                    r.getLong("resource_id"),
                                    Bulk.instant(r, "watched_at"));
                            durations.put(List.of(w.classId(), w.resourceId()), r.getLong("duration_seconds") * 1000);
                            return w;
                        })
                .forEach(watched::add);
        for (ResumeRule.Watched w : ResumeRule.candidates(watched, classes.activeClassesByUnit(me))) {
            Optional<LessonVideo> video = videos.find(w.classId(), w.resourceId(), learner);
            if (video.isEmpty()) {
                continue; // deleted, unpublished or no longer shared with the class: the one before it
            }
            LessonVideo v = video.get();
            long durationMs =
                    v.durationMs() != null ? v.durationMs() : durations.get(List.of(w.classId(), w.resourceId()));
            VideoProgress p = progress(v, durationMs, stands(me, w.classId(), List.of(v)));
            if (p.finished()) {
                return new Resume(null);
            }
            return new Resume(new ResumePoint(
                    w.classId(),
                    classes.names(List.of(w.classId())).get(w.classId()),
                    v.unitId(),
                    v.unitName(),
                    w.lastBeatAt(),
                    p));
        }
        return new Resume(null);
    }

    /**
     * The unit's lesson videos for one of the learner's active classes whose plan has the unit, each with the learner's
     * own progress; 404 for a class or unit that is not so (another class's, a finished class's, a unit of no plan).
     */
    @Transactional
    public UnitVideos unitVideos(long classId, long unitId, Caller learner) {
        List<Long> studying = classes.activeClassesByUnit(learner.accountId()).getOrDefault(unitId, List.of());
        if (!studying.contains(classId)) {
            throw PlatformException.notFound(new Words(
                    "您所在的进行中班级 " + classId + " 的培训计划中没有学习单元 " + unitId + "。",
                    "Unit " + unitId + " is not in the plan of an active class " + classId + " of yours."));
        }
        List<LessonVideo> list = videos.ofUnit(classId, unitId, learner);
        Map<String, Stand> stands = stands(learner.accountId(), classId, list);
        return new UnitVideos(
                classId,
                unitId,
                list.stream()
                        .map(v -> progress(v, v.durationMs() == null ? 0 : v.durationMs(), stands))
                        .toList());
    }

    private static VideoProgress progress(LessonVideo v, long durationMs, Map<String, Stand> stands) {
        Stand s = stands.getOrDefault(v.assetId().toString(), Stand.NONE);
        long frontier = ResumeRule.frontierMs(s.seconds(), durationMs);
        return new VideoProgress(
                v.resourceId(),
                v.title(),
                durationMs > 0 ? durationMs : null,
                v.posterUrl(),
                Math.min(s.creditedSeconds(), (int) (durationMs / 1000)),
                ResumeRule.startMs(s.resumeMs(), frontier, durationMs),
                ResumeRule.finished(s.resumeMs(), frontier, durationMs));
    }

    /** The learner's watched seconds and stop of each of these videos in the class, by asset (none before a first play). */
    private Map<String, Stand> stands(long learnerId, long classId, List<LessonVideo> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>(List.of(learnerId, classId));
        list.forEach(v -> params.add(v.assetId().toString()));
        Map<String, Stand> out = new HashMap<>();
        Bulk.on(em)
                .select(
                        "SELECT w.asset_id, w.seconds, w.credited_seconds, w.resume_ms FROM watched_video w"
                                + " WHERE w.learner_id = ? AND w.class_id = ? AND w.asset_id IN "
                                + Bulk.marks(list.size()),
                        params,
                        r -> out.put(
                                r.getString("asset_id"),
                                new Stand(
                                        BitSet.valueOf(r.getBytes("seconds")),
                                        r.getInt("credited_seconds"),
                                        r.getLong("resume_ms"))));
        return out;
    }
}
