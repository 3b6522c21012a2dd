package cn.imtp.lms.live.control;

import cn.imtp.lms.attendance.control.AttendanceSettings;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.cohort.entity.LessonMode;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.resourcepack.control.PlayingTimes;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live online lessons as the class sees them: when each is open, what it shows (its stage: a lesson video
 * played in sync, or an external meeting link, set by a teacher of the class), its text Q&A and who is
 * present. Everything lives in the shared database, so every lms-web node tells the same story.
 */
@ApplicationScoped
public class LiveLessons {

    /** UPCOMING until learners may join (some minutes before the start), OPEN until the end, then ENDED. */
    public enum State {
        UPCOMING,
        OPEN,
        ENDED
    }

    public record Summary(
            long id,
            long classId,
            String className,
            long unitId,
            String unitName,
            String teacherName,
            Instant startsAt,
            Instant endsAt,
            Instant joinOpensAt,
            State state) {}

    /** When a lesson runs and whether it can be joined now. */
    public record Window(Instant startsAt, Instant endsAt, Instant joinOpensAt, State state) {}

    public record Page(List<Summary> items, int page, int size, long total) {}

    /** What the lesson shows; at {@code changedAt} the video was at {@code positionMs}, and goes on from there while playing. */
    public record Stage(
            long lessonId,
            Long resourceId,
            String resourceTitle,
            String meetingUrl,
            boolean playing,
            long positionMs,
            Instant changedAt,
            long version) {}

    /** A published lesson video of the unit that the stage may play. */
    public record Video(long resourceId, String title, long durationMs) {}

    public record LessonView(
            Summary lesson,
            Stage stage,
            Instant serverTime,
            boolean mayTeach,
            List<Video> videos,
            int heartbeatSeconds) {}

    /** A teacher's change of the stage: a video (and whether it plays, from where) or a meeting link, or neither to clear it. */
    public record StageRequest(Long resourceId, String meetingUrl, Boolean playing, Long positionMs) {}

    public record Message(
            long id,
            long lessonId,
            String author,
            String authorName,
            Role role,
            String body,
            Long replyTo,
            Instant postedAt) {}

    public record NewMessage(String body, Long replyTo) {}

    public enum Presence {
        PRESENT,
        IDLE,
        ABSENT
    }

    /** A learner in the roster: presence and credit from the heartbeats; beside them, how many roll calls they checked in to. */
    public record RosterEntry(
            String username, String fullName, Presence state, Instant lastBeatAt, int creditedSeconds, int checkIns) {}

    /** The class in the lesson now, and how many roll calls (签到) the lesson has had. */
    public record Roster(
            long lessonId, Instant at, int present, int idle, int absent, int rollCalls, List<RosterEntry> learners) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    PlayingTimes playingTimes;

    @Inject
    AttendanceSettings attendance;

    @Inject
    @ConfigProperty(name = "lms.live.join-minutes-before")
    int joinMinutesBefore;

    @Inject
    @ConfigProperty(name = "lms.class-hour-minutes")
    int defaultClassHourMinutes;

    /** The class's live lessons that have not ended, soonest first (with {@code past}, the ended ones, latest first). */
    @Transactional
    public Page list(long classId, Caller caller, boolean past, int page, int size) {
        PlatformException.checkPage(page, size);
        TrainingClass c = classes.visible(classId, caller);
        Instant now = Instant.now();
        List<Lesson> all = c.lessons().stream()
                .filter(l -> l.mode() == LessonMode.LIVE)
                .filter(l -> (window(l, now).state() == State.ENDED) == past)
                .sorted(
                        past
                                ? Comparator.comparing(Lesson::startsAt).reversed()
                                : Comparator.comparing(Lesson::startsAt))
                .toList();
        List<Lesson> shown = all.subList(Math.min(all.size(), page * size), Math.min(all.size(), page * size + size));
        Map<Long, String> teachers =
                teacherNames(shown.stream().map(Lesson::teacherId).collect(Collectors.toSet()));
        return new Page(
                shown.stream()
                        .map(l -> summary(l, window(l, now), teachers.get(l.teacherId())))
                        .toList(),
                page,
                size,
                all.size());
    }

    /** The lesson, its stage and, for its teachers, the videos the stage may play. */
    @Transactional
    public LessonView view(long lessonId, Caller caller) {
        Lesson l = visible(lessonId, caller);
        boolean teaches = caller.role() != Role.LEARNER;
        Instant now = Instant.now();
        return new LessonView(
                summary(l, window(l, now), teacherNames(Set.of(l.teacherId())).get(l.teacherId())),
                stage(lessonId),
                Instant.now(),
                teaches,
                teaches ? videos(l, caller) : List.of(),
                attendance.heartbeatSeconds());
    }

    /** Changes what the lesson shows; every learner's page follows within a second (see {@link LiveEvents}). */
    @Transactional
    public Stage setStage(long lessonId, StageRequest r, Caller caller) {
        Lesson l = taught(lessonId, caller);
        if (window(l, Instant.now()).state() == State.ENDED) {
            throw PlatformException.conflict(
                    new Words("本直播课已结束，画面不能再更改。", "This lesson is over; its stage can no longer change."));
        }
        if (r == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送画面设置：视频或会议链接、是否播放、播放位置。",
                            "Send the stage as JSON: resourceId or meetingUrl, playing, positionMs."),
                    List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        String url = r.meetingUrl() == null || r.meetingUrl().isBlank()
                ? null
                : r.meetingUrl().trim();
        if (r.resourceId() != null && url != null) {
            errors.add(new FieldError(
                    "meetingUrl",
                    new Words(
                            "直播课只能显示视频或会议链接之一，请留空其中一项",
                            "a lesson shows a video or a meeting link, not both: leave one empty")));
        }
        if (url != null && !meetingUrl(url)) {
            errors.add(new FieldError(
                    "meetingUrl",
                    new Words(
                            "须为最多 500 个字符的 HTTPS（或 HTTP）网址",
                            "must be an https:// (or http://) address of at most 500 characters")));
        }
        long position = r.positionMs() == null ? 0 : r.positionMs();
        if (r.resourceId() != null) {
            Video video = videos(l, caller).stream()
                    .filter(v -> v.resourceId() == r.resourceId())
                    .findFirst()
                    .orElse(null);
            if (video == null) {
                errors.add(new FieldError(
                        "resourceId",
                        new Words(
                                "不是学习单元“" + l.unit().name() + "”已发布的课程视频，请先发布该单元的学习视频",
                                "is not a published lesson video of unit '"
                                        + l.unit().name() + "': publish a learning video of the unit first")));
            } else if (position < 0 || position > video.durationMs()) {
                errors.add(new FieldError(
                        "positionMs",
                        new Words(
                                "须在 0 至视频时长 " + video.durationMs() + " 毫秒之间",
                                "must be between 0 and the video's " + video.durationMs() + " ms")));
            }
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("画面未更改，请更正所列字段。", "The stage was not changed; correct the fields listed."), errors);
        }
        boolean playing = r.resourceId() != null && Boolean.TRUE.equals(r.playing());
        em.createNativeQuery(
                        "INSERT INTO live_stage (lesson_id, resource_id, meeting_url, playing, position_ms, changed_at, changed_by, version)"
                                + " VALUES (?,?,?,?,?,?,?,1) ON DUPLICATE KEY UPDATE resource_id = VALUES(resource_id), meeting_url = VALUES(meeting_url),"
                                + " playing = VALUES(playing), position_ms = VALUES(position_ms), changed_at = VALUES(changed_at),"
                                + " changed_by = VALUES(changed_by), version = version + 1")
                .setParameter(1, lessonId)
                .setParameter(2, r.resourceId())
                .setParameter(3, url)
                .setParameter(4, playing)
                .setParameter(5, r.resourceId() == null ? 0 : position)
                .setParameter(6, Timestamp.from(Instant.now()))
                .setParameter(7, caller.accountId())
                .executeUpdate();
        return stage(lessonId);
    }

    /** A question or an answer in the lesson's Q&A; learners post while the lesson is open. */
    @Transactional
    public Message post(long lessonId, NewMessage m, Caller caller) {
        Lesson l = visible(lessonId, caller);
        if (caller.role() == Role.LEARNER && window(l, Instant.now()).state() != State.OPEN) {
            throw PlatformException.conflict(new Words(
                    "只能在直播课开放期间提问（开始前 " + joinMinutesBefore + " 分钟至结束）。",
                    "Questions can be asked while the lesson is open (from " + joinMinutesBefore
                            + " minutes before its start until its end)."));
        }
        String body = m == null || m.body() == null ? "" : m.body().strip();
        if (body.isEmpty() || body.length() > 1000) {
            throw PlatformException.invalid(
                    new Words("消息未发送。", "The message was not posted."),
                    List.of(new FieldError("body", new Words("须为 1 至 1000 个字符", "1 to 1000 characters"))));
        }
        if (m.replyTo() != null) {
            List<?> target = em.createNativeQuery("SELECT id FROM live_message WHERE id = ? AND lesson_id = ?")
                    .setParameter(1, m.replyTo())
                    .setParameter(2, lessonId)
                    .getResultList();
            if (target.isEmpty()) {
                throw PlatformException.invalid(
                        new Words("消息未发送。", "The message was not posted."),
                        List.of(new FieldError("replyTo", new Words("不是本直播课的消息", "is not a message of this lesson"))));
            }
        }
        em.createNativeQuery(
                        "INSERT INTO live_message (lesson_id, author_id, body, reply_to, posted_at) VALUES (?,?,?,?,?)")
                .setParameter(1, lessonId)
                .setParameter(2, caller.accountId())
                .setParameter(3, body)
                .setParameter(4, m.replyTo())
                .setParameter(5, Timestamp.from(Instant.now()))
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        return messagesAfter(lessonId, id - 1, 1).get(0);
    }

    /** The Q&A after message {@code after} (oldest first), or without it the latest {@code limit} messages. */
    @Transactional
    public List<Message> messages(long lessonId, Caller caller, Long after, int limit) {
        if (limit < 1 || limit > 200) {
            throw PlatformException.invalid(
                    new Words("每次可获取 1 至 200 条消息。", "Ask for 1 to 200 messages."),
                    List.of(new FieldError("limit", new Words("须为 1 至 200", "1 to 200"))));
        }
        visible(lessonId, caller);
        if (after != null) {
            return messagesAfter(lessonId, after, limit);
        }
        Number newest =
                (Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM live_message WHERE lesson_id = ?")
                        .setParameter(1, lessonId)
                        .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                        "SELECT id FROM live_message WHERE lesson_id = ? ORDER BY id DESC LIMIT " + limit)
                .setParameter(1, lessonId)
                .getResultList();
        long from = ids.isEmpty() ? newest.longValue() : ids.get(ids.size() - 1).longValue() - 1;
        return messagesAfter(lessonId, from, limit);
    }

    /** Who of the class is in the lesson now, idle (a session quiet for longer than two heartbeats) or absent, with their credit. */
    @Transactional
    public Roster roster(long lessonId, Caller caller) {
        taught(lessonId, caller);
        return roster(lessonId);
    }

    // For the event streams (LiveEvents): the caller was checked when the stream opened.

    @Transactional
    public Stage stage(long lessonId) {
        List<Stage> rows = Bulk.on(em)
                .select(
                        "SELECT s.resource_id, r.title, s.meeting_url, s.playing, s.position_ms, s.changed_at, s.version"
                                + " FROM live_stage s LEFT JOIN resource r ON r.id = s.resource_id WHERE s.lesson_id = ?",
                        List.of(lessonId),
                        r -> new Stage(
                                lessonId,
                                Bulk.longOrNull(r, "resource_id"),
                                r.getString("title"),
                                r.getString("meeting_url"),
                                r.getBoolean("playing"),
                                r.getLong("position_ms"),
                                Bulk.instant(r, "changed_at"),
                                r.getLong("version")));
        if (rows.isEmpty()) {
            return new Stage(lessonId, null, null, null, false, 0, null, 0);
        }
        return rows.get(0);
    }

    @Transactional
    public List<Message> messagesAfter(long lessonId, long after, int limit) {
        return Bulk.on(em)
                .select(
                        "SELECT m.id, a.username, a.full_name, a.role, m.body, m.reply_to, m.posted_at"
                                + " FROM live_message m JOIN account a ON a.id = m.author_id WHERE m.lesson_id = ? AND m.id > ? ORDER BY m.id LIMIT "
                                + limit,
                        List.of(lessonId, after),
                        r -> new Message(
                                r.getLong("id"),
                                lessonId,
                                r.getString("username"),
                                r.getString("full_name"),
                                Role.valueOf(r.getString("role")),
                                r.getString("body"),
                                Bulk.longOrNull(r, "reply_to"),
                                Bulk.instant(r, "posted_at")));
    }

    @Transactional
    public Roster roster(long lessonId) {
        Lesson l = em.find(Lesson.class, lessonId);
        Instant now = Instant.now();
        long presentWithin = attendance.heartbeatSeconds() * 2L + 10;
        List<RosterEntry> learners = Bulk.on(em)
                .select(
                        "SELECT a.username, a.full_name,"
                                + " MAX(CASE WHEN s.ended_at IS NULL THEN COALESCE(s.last_beat_at, s.opened_at) END) open_at,"
                                + " MAX(COALESCE(s.last_beat_at, s.opened_at)) last_at, COALESCE(MAX(la.credited_seconds), 0) credited,"
                                + " (SELECT COUNT(*) FROM live_check_in ci JOIN live_roll_call rc ON rc.id = ci.roll_call_id"
                                + " WHERE rc.lesson_id = ? AND ci.learner_id = a.id) check_ins"
                                + " FROM class_learner cl JOIN account a ON a.id = cl.account_id"
                                + " LEFT JOIN live_session s ON s.lesson_id = ? AND s.learner_id = a.id"
                                + " LEFT JOIN live_attendance la ON la.lesson_id = ? AND la.learner_id = a.id"
                                + " WHERE cl.class_id = ? GROUP BY a.id, a.username, a.full_name ORDER BY a.username",
                        List.of(lessonId, lessonId, lessonId, l.trainingClass().id()),
                        r -> {
                            Instant open = Bulk.instant(r, "open_at");
                            Presence p = open == null
                                    ? Presence.ABSENT
                                    : open.isAfter(now.minusSeconds(presentWithin)) ? Presence.PRESENT : Presence.IDLE;
                            return new RosterEntry(
                                    r.getString("username"),
                                    r.getString("full_name"),
                                    p,
                                    Bulk.instant(r, "last_at"),
                                    r.getInt("credited"),
                                    r.getInt("check_ins"));
                        });
        int rollCalls = Bulk.on(em)
                .select(
                        "SELECT COUNT(*) n FROM live_roll_call WHERE lesson_id = ?",
                        List.of(lessonId),
                        r -> r.getInt("n"))
                .get(0);
        return new Roster(
                lessonId,
                now,
                count(learners, Presence.PRESENT),
                count(learners, Presence.IDLE),
                count(learners, Presence.ABSENT),
                rollCalls,
                learners);
    }

    /** What the event streams compare to see a change: the stage's version, the newest message id, the roll calls' sum. */
    public record Heads(long stageVersion, long lastMessageId, long rollCalls) {}

    /**
     * The lesson's stage version (0: no stage yet), newest message id (0: none) and a sum that changes whenever a roll call
     * is opened or closed early, for the event streams to see what changed.
     */
    @Transactional
    public Heads heads(long lessonId) {
        return Bulk.on(em)
                .select(
                        "SELECT (SELECT COALESCE(MAX(version), 0) FROM live_stage WHERE lesson_id = ?) stage,"
                                + " (SELECT COALESCE(MAX(id), 0) FROM live_message WHERE lesson_id = ?) message,"
                                + " (SELECT COALESCE(FLOOR(SUM(id * 1000003 + UNIX_TIMESTAMP(closes_at) * 1000)), 0) FROM live_roll_call WHERE lesson_id = ?) roll_calls",
                        List.of(lessonId, lessonId, lessonId),
                        r -> new Heads(r.getLong("stage"), r.getLong("message"), r.getLong("roll_calls")))
                .get(0);
    }

    /** The lesson if the caller belongs to its class (learners, teachers) or administers; otherwise 404. */
    public Lesson visible(long lessonId, Caller caller) {
        Lesson l = em.find(Lesson.class, lessonId);
        if (l == null || l.mode() != LessonMode.LIVE) {
            throw PlatformException.notFound(new Words("直播课", "Live lesson"), lessonId);
        }
        try {
            classes.visible(l.trainingClass().id(), caller);
        } catch (PlatformException e) {
            throw PlatformException.notFound(new Words("直播课", "Live lesson"), lessonId);
        }
        return l;
    }

    /** The lesson if the caller teaches its class or administers. */
    Lesson taught(long lessonId, Caller caller) {
        if (caller.role() == Role.LEARNER) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("只有本班教师和管理员可以主持直播课。", "Only the class's teachers and administrators run a live lesson."));
        }
        return visible(lessonId, caller);
    }

    /** When the lesson runs (its date and start in China time, for its class hours at the class's class-hour length) and its state now. */
    public Window window(Lesson l, Instant now) {
        TrainingClass c = l.trainingClass();
        int hourMinutes = c.classHourMinutes() == null ? defaultClassHourMinutes : c.classHourMinutes();
        Instant starts = l.startsAt();
        Instant ends = starts.plus(Duration.ofMinutes((long) l.classHours() * hourMinutes));
        Instant opens = starts.minus(Duration.ofMinutes(joinMinutesBefore));
        State state = !now.isBefore(ends)
                ? State.ENDED
                : now.isBefore(opens) || c.status() != ClassStatus.ACTIVE ? State.UPCOMING : State.OPEN;
        return new Window(starts, ends, opens, state);
    }

    private static Summary summary(Lesson l, Window w, String teacherName) {
        TrainingClass c = l.trainingClass();
        return new Summary(
                l.id(),
                c.id(),
                c.name(),
                l.unit().id(),
                l.unit().name(),
                teacherName,
                w.startsAt(),
                w.endsAt(),
                w.joinOpensAt(),
                w.state());
    }

    private Map<Long, String> teacherNames(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        Bulk.on(em)
                .selectTogether(List.of(new Bulk.Query(
                        "SELECT id, full_name FROM account WHERE id IN ("
                                + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")",
                        List.of(),
                        r -> names.put(r.getLong("id"), r.getString("full_name")))));
        return names;
    }

    /**
     * The published learning videos of the lesson's unit that reach its class, with their playing time, by title
     * (resourcepack keeps them): another class's videos of the same unit are not this stage's.
     */
    private List<Video> videos(Lesson l, Caller caller) {
        return playingTimes.videosOf(l.trainingClass().id(), l.unit().id(), caller).stream()
                .map(v -> new Video(v.resourceId(), v.title(), v.durationMs()))
                .toList();
    }

    private static boolean meetingUrl(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI u = new URI(url);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int count(List<RosterEntry> learners, Presence p) {
        return (int) learners.stream().filter(e -> e.state() == p).count();
    }
}
