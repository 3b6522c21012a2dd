package cn.imtp.lms.attendance.boundary;

import cn.imtp.lms.attendance.control.Attendance;
import cn.imtp.lms.attendance.control.AttendanceSettings;
import cn.imtp.lms.attendance.control.BeatWriter;
import cn.imtp.lms.attendance.control.ChainAudit;
import cn.imtp.lms.attendance.control.ChainStatements;
import cn.imtp.lms.attendance.control.HoursLedger;
import cn.imtp.lms.attendance.control.LedgerRules;
import cn.imtp.lms.attendance.control.LiveRoster;
import cn.imtp.lms.attendance.control.OtherHours;
import cn.imtp.lms.attendance.control.RosterEvents;
import cn.imtp.lms.attendance.control.StudyProgress;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.documents.ExportTable.Clock;
import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.lms.identity.boundary.AdmissionDeferred;
import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Online attendance: playback sessions and their heartbeats, the hours ledger, the attendance chain's check. */
@Path("attendance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttendanceResource {

    /** {@code classId}: the class the learner opens the lesson from (needed when the unit is in several of theirs). */
    public record OpenRequest(Long resourceId, Long classId) {}

    @Inject
    Attendance attendance;

    @Inject
    BeatWriter writer;

    @Inject
    ChainAudit audit;

    @Inject
    ChainStatements statements;

    @Inject
    HoursLedger ledger;

    @Inject
    LiveRoster roster;

    @Inject
    RosterEvents rosterEvents;

    @Inject
    OtherHours otherHours;

    @Inject
    StudyProgress progress;

    @Inject
    Classes classes;

    @Inject
    RequestOrigin origin;

    @Inject
    AttendanceSettings settings;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    /** Opens a playback session for a lesson video; any other playback of the learner stops earning credit. */
    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Response open(OpenRequest request) {
        return Response.status(201)
                .entity(attendance.open(
                        Caller.of(security),
                        request == null ? null : request.resourceId(),
                        request == null ? null : request.classId()))
                .build();
    }

    /**
     * A heartbeat: 200 when stored (or its number already taken), 422 when it is impossible as sent (refused,
     * logged, its number used up), 410 when the session was ended by a newer one before the beat began. The
     * learner's account is checked with the batch the beat is stored in (401 once revoked), not by a read of
     * its own: on the hot path, one read for the batch instead of a round trip per beat.
     */
    @POST
    @Path("sessions/{id}/beats")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    @AdmissionDeferred
    public Response beat(@PathParam("id") String id, Attendance.BeatRequest beat) {
        Attendance.BeatAck ack = writer.write(Caller.of(security), id, beat);
        int status = switch (ack.verdict()) {
            case ACCEPTED, DUPLICATE -> 200;
            case REFUSED -> 422;
        };
        return Response.status(status).entity(ack).build();
    }

    /**
     * The heartbeat benchmark's baseline: the same path, filters and parsing as a beat, then 204 without
     * storing anything. 404 unless {@code lms.attendance.bench-noop} is on (only {@code ops/bench/heartbeats}).
     */
    @POST
    @Path("sessions/{id}/beats-noop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Response noopBeat(@PathParam("id") String id, Attendance.BeatRequest beat) {
        if (!settings.benchNoop()) {
            throw PlatformException.notFound(new Words("接口", "Endpoint"), "beats-noop");
        }
        if (beat == null
                || beat.seq() == null
                || beat.elapsedMs() == null
                || beat.rate() == null
                || beat.visible() == null) {
            throw PlatformException.invalid(
                    new Words(
                            "心跳数据不完整：须包含令牌、序号、计时、播放区间、播放速度和页面是否可见。",
                            "A beat needs token, seq, elapsedMs, played, rate and visible."),
                    List.of());
        }
        return Response.noContent().build();
    }

    /**
     * Where the calling learner's study goes on (the home's 继续学习): the lesson video they watched last in an active
     * class, where its player starts, how much of it they watched and its poster; no {@code point} when nothing is left
     * to go on with. A learner's own records only; learners only.
     */
    @GET
    @Path("resume")
    @Allow(Role.LEARNER)
    public StudyProgress.Resume resume() {
        return progress.resume(Caller.of(security));
    }

    /**
     * The lesson videos of a unit of one of the calling learner's active classes, each with its playing time, poster and
     * the learner's own progress (watched seconds, where its player starts); 404 for a class or unit not theirs.
     */
    @GET
    @Path("classes/{classId}/units/{unitId}/videos")
    @Allow(Role.LEARNER)
    public StudyProgress.UnitVideos unitVideos(@PathParam("classId") long classId, @PathParam("unitId") long unitId) {
        return progress.unitVideos(classId, unitId, Caller.of(security));
    }

    /** Who meets the hours, who is short, by how much and where; learners see their own line. */
    @GET
    @Path("classes/{classId}/ledger")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public HoursLedger.ClassLedger ledger(@PathParam("classId") long classId) {
        return ledger.ofClass(classId, Caller.of(security));
    }

    /**
     * The class's attendance for an audit, as CSV (default) or XLSX ({@code ?format=xlsx}), in the reader's language
     * (headings and words in Chinese unless English is asked for): every session (learner, masked ID number, unit,
     * activity, start and end in China time, credited time as 时:分:秒 with its exact seconds beside it), then each
     * learner's online time (exactly the sum of the learner's session rows) and classroom total (capped at each unit's
     * hours, rounded once) against the plan, and whether the learner meets the hours. The export is
     * written to the audit log.
     */
    @GET
    @Path("classes/{classId}/export")
    @Produces({Exports.CSV, Exports.XLSX})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response export(
            @PathParam("classId") long classId,
            @QueryParam("format") @DefaultValue("csv") String format,
            @BeanParam Reader reader) {
        ExportTable.Format f = Exports.format(format);
        Language language = reader.language();
        HoursLedger.Export export = ledger.export(classId, Caller.of(security), origin.addressOf(http));
        List<List<Object>> sessions = new ArrayList<>();
        for (HoursLedger.SessionRow r : export.sessions()) {
            sessions.add(Arrays.asList(
                    r.username(),
                    r.fullName(),
                    r.idNumberMasked(),
                    r.unitName(),
                    activity(r.kind()),
                    ExportTable.chinaTime(r.start()),
                    ExportTable.chinaTime(r.end()),
                    new Clock(r.creditedSeconds()),
                    r.creditedSeconds()));
        }
        List<List<Object>> totals = new ArrayList<>();
        for (LedgerRules.LearnerStatus l : export.ledger().items()) {
            int online = l.units().stream()
                    .mapToInt(u -> u.selfPacedSeconds() + u.liveSeconds())
                    .sum();
            totals.add(Arrays.asList(
                    l.username(),
                    l.fullName(),
                    new Clock(online),
                    online,
                    Clock.ofMinutes(l.classroomMinutes()),
                    Math.round(l.classroomMinutes() * 60),
                    l.planMinutes(),
                    l.minimumMinutes(),
                    Words.yesNo(l.meetsHours()),
                    Clock.ofMinutes(l.shortMinutes()),
                    Math.round(l.shortMinutes() * 60),
                    Math.round(l.onlineOverCapMinutes() * 60),
                    l.otherMinutes(),
                    Clock.ofMinutes(l.totalMinutes()),
                    Math.round(l.totalMinutes() * 60),
                    l.withheldSeconds()));
        }
        List<ExportTable> tables = List.of(
                new ExportTable(
                        new Words("观看记录", "Sessions"),
                        List.of(
                                new Words("学员账号", "learner"),
                                new Words("姓名", "full name"),
                                new Words("证件号码", "ID number"),
                                new Words("学习单元", "unit"),
                                new Words("学习方式", "activity"),
                                new Words("开始时间", "session start"),
                                new Words("结束时间", "session end"),
                                new Words("计入时长（时:分:秒）", "credited (h:mm:ss)"),
                                new Words("计入秒数", "credited seconds")),
                        sessions),
                new ExportTable(
                        new Words("学时汇总", "Totals"),
                        List.of(
                                new Words("学员账号", "learner"),
                                new Words("姓名", "full name"),
                                new Words("在线学习（时:分:秒）", "online (h:mm:ss)"),
                                new Words("在线学习秒数", "online seconds"),
                                new Words("计入课堂学时（时:分:秒）", "classroom credited (h:mm:ss)"),
                                new Words("计入课堂秒数", "classroom seconds"),
                                new Words("计划分钟", "plan minutes"),
                                new Words("最低要求分钟", "minimum minutes"),
                                new Words("是否达标", "meets hours"),
                                new Words("尚差（时:分:秒）", "short (h:mm:ss)"),
                                new Words("尚差秒数", "short seconds"),
                                new Words("在线超出上限秒数", "online over cap seconds"),
                                new Words("其他学时分钟", "other hours minutes"),
                                new Words("合计（时:分:秒）", "total (h:mm:ss)"),
                                new Words("合计秒数", "total seconds"),
                                new Words("暂扣秒数（待核验）", "withheld seconds (awaiting verification)")),
                        totals));
        return Exports.download(tables, f, "attendance-class-" + classId, language);
    }

    private static Words activity(HoursLedger.Kind kind) {
        return switch (kind) {
            case SELF_PACED -> new Words("自主学习（视频）", "self-paced (videos)");
            case LIVE -> new Words("直播课", "live lesson");
        };
    }

    /** Other hours (internship, site visits, self-study…) of the class's learners, newest first; learners see their own. */
    @GET
    @Path("classes/{classId}/other-hours")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public List<OtherHours.Entry> otherHours(@PathParam("classId") long classId) {
        return otherHours.list(classId, Caller.of(security));
    }

    /** Records other hours for one learner of the class, with a note; audited. */
    @POST
    @Path("classes/{classId}/other-hours")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response enterOtherHours(@PathParam("classId") long classId, OtherHours.NewEntry entry) {
        return Response.status(201)
                .entity(otherHours.enter(classId, entry, Caller.of(security), origin.addressOf(http)))
                .build();
    }

    /** Withdraws a mistaken entry with a reason; it stays on record, audited, and no longer counts. */
    @POST
    @Path("classes/{classId}/other-hours/{entryId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public OtherHours.Entry withdrawOtherHours(
            @PathParam("classId") long classId, @PathParam("entryId") long entryId, OtherHours.Withdrawal withdrawal) {
        return otherHours.withdraw(classId, entryId, withdrawal, Caller.of(security), origin.addressOf(http));
    }

    /**
     * Attaches the evidence of an entry of other hours: the file's bytes as the body ({@code ?name=} its file
     * name), a PDF, JPEG or PNG up to {@code lms.attendance.evidence-max-bytes}; once per entry.
     */
    @PUT
    @Path("classes/{classId}/other-hours/{entryId}/evidence")
    @Consumes(MediaType.WILDCARD)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response attachEvidence(
            @PathParam("classId") long classId,
            @PathParam("entryId") long entryId,
            @QueryParam("name") String name,
            InputStream body)
            throws IOException {
        // One byte more than allowed is enough to know a file is too large: a huge upload is never held whole.
        byte[] content = body == null ? new byte[0] : body.readNBytes(otherHours.evidenceMaxBytes() + 1);
        return Response.status(201)
                .entity(otherHours.attach(classId, entryId, name, content, Caller.of(security), origin.addressOf(http)))
                .build();
    }

    /** The evidence file of an entry of other hours (learners: of their own entries). */
    @GET
    @Path("classes/{classId}/other-hours/{entryId}/evidence")
    @Produces(MediaType.WILDCARD)
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response evidence(@PathParam("classId") long classId, @PathParam("entryId") long entryId) {
        OtherHours.Evidence e = otherHours.evidence(classId, entryId, Caller.of(security));
        return Exports.document(new Document(
                e.info().fileName(),
                e.info().contentType(),
                e.content(),
                e.info().sha256()));
    }

    /** Who of the class is studying right now. */
    @GET
    @Path("classes/{classId}/roster")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public LiveRoster.Roster roster(@PathParam("classId") long classId) {
        return roster.of(classId, Caller.of(security));
    }

    /** The same as Server-Sent Events: a {@code roster} event now, then every few seconds while the stream is open. */
    @GET
    @Path("classes/{classId}/roster/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public void rosterEvents(@PathParam("classId") long classId, @Context SseEventSink sink, @Context Sse sse) {
        rosterEvents.subscribe(classId, roster.of(classId, Caller.of(security)), sink, sse);
    }

    /**
     * Recomputes the class's attendance chain with the chain key and names the first record altered, inserted or
     * removed; then every playback session and ledger line whose figure differs from what its records add up to.
     */
    @GET
    @Path("classes/{classId}/verify")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public ChainAudit.Check verify(@PathParam("classId") long classId) {
        classes.visible(classId, Caller.of(security));
        return audit.verify(classId);
    }

    public record StatementRequest(String statement) {}

    /**
     * A statement of every class's chain head, signed with the platform's key, for an administrator to keep
     * (e.g. daily) outside the platform: history rewritten after it is found by {@code statement/check}.
     */
    @GET
    @Path("statement")
    @Allow(Role.ADMINISTRATOR)
    public ChainStatements.Statement statement() {
        return statements.statement();
    }

    /** Checks a statement made earlier against the chains as they are now. */
    @POST
    @Path("statement/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMINISTRATOR)
    public ChainStatements.StatementCheck checkStatement(StatementRequest request) {
        if (request == null
                || request.statement() == null
                || request.statement().isBlank()) {
            throw PlatformException.invalid(
                    new Words(
                            "请发送此前获取的考勤声明原文。",
                            "Send {\"statement\"}: the statement as GET /api/attendance/statement gave it."),
                    List.of(new FieldError("statement", new Words("必填", "is required"))));
        }
        return statements.check(request.statement().trim());
    }
}
