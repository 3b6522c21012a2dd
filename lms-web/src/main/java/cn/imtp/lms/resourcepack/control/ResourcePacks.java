package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.lms.resourcepack.entity.ResourceKind;
import cn.imtp.lms.resourcepack.entity.ResourceVersion;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Resource packs: resources attached to learning units (information resources also to a level, a job
 * type, or nothing), their versions, and who may reach their files. lms-web decides; media-service
 * only checks the grant handed out here.
 */
@ApplicationScoped
public class ResourcePacks {

    /** What a client needs to upload one version's file to media-service. */
    public record UploadTicket(
            long resourceId,
            int version,
            String assetId,
            String grant,
            Instant expiresAt,
            String uploadUrl,
            String statusUrl,
            String eventsUrl,
            String captionsUrl) {}

    /** What a client needs to play, show or download one version, for its holder only. */
    public record AccessTicket(
            long resourceId,
            int version,
            String assetId,
            String kind,
            String grant,
            Instant expiresAt,
            String playlistUrl,
            String posterUrl,
            String fileUrl,
            String statusUrl,
            String eventsUrl) {}

    public record NewVersion(String fileName, Long size) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    MediaTickets tickets;

    @Inject
    Classes classes;

    @Transactional
    public ResourceView create(ResourceDraft d, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw PlatformException.invalid(
                    new Words("请以 JSON 格式发送资源信息。", "Send the resource as JSON."),
                    List.of(new FieldError("body", new Words("缺少", "missing"))));
        }
        if (d.category() == null) {
            errors.add(new FieldError(
                    "category",
                    new Words(
                            "须为 TEACHING、LEARNING、ASSESSMENT、INFORMATION 之一。",
                            "One of TEACHING, LEARNING, ASSESSMENT, INFORMATION.")));
        }
        if (d.kind() == null) {
            errors.add(new FieldError(
                    "kind",
                    new Words(
                            "须为 VIDEO、AUDIO、DOCUMENT、IMAGE、LINK 之一。", "One of VIDEO, AUDIO, DOCUMENT, IMAGE, LINK.")));
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(
                    new FieldError("title", new Words("请填写 1 至 200 个字符的标题。", "Give a title of 1 to 200 characters.")));
        }
        if (d.description() != null && d.description().length() > 4000) {
            errors.add(new FieldError("description", new Words("最多 4000 个字符。", "At most 4000 characters.")));
        }
        if (d.category() != null && d.category() != ResourceCategory.INFORMATION && d.unitId() == null) {
            errors.add(new FieldError(
                    "unitId",
                    new Words(
                            d.category().zh() + "须属于某个学习单元，请填写学习单元编号。",
                            "A " + d.category() + " resource belongs to a learning unit; give its id.")));
        }
        if (d.unitId() != null && em.find(LearningUnit.class, d.unitId()) == null) {
            errors.add(new FieldError(
                    "unitId",
                    new Words("学习单元 " + d.unitId() + " 不存在。", "There is no learning unit " + d.unitId() + ".")));
        }
        if (d.category() != null
                && d.category() != ResourceCategory.INFORMATION
                && (d.level() != null || d.jobType() != null)) {
            errors.add(new FieldError(
                    "level",
                    new Words(
                            "只有信息资源可以指定等级或职业方向；其他资源由学习单元决定。",
                            "Only information resources attach to a level or job type; the unit fixes them.")));
        }
        if (d.kind() == ResourceKind.LINK) {
            if (!isWebAddress(d.linkUrl())) {
                errors.add(new FieldError(
                        "linkUrl",
                        new Words("链接资源须填写以 HTTP 或 HTTPS 开头的网址。", "A link resource needs an http or https address.")));
            }
        } else if (d.linkUrl() != null && !d.linkUrl().isBlank()) {
            errors.add(new FieldError(
                    "linkUrl",
                    new Words(
                            "只有链接资源才有地址；"
                                    + (d.kind() == null ? "其他资源" : d.kind().zh()) + "请上传文件。",
                            "Only LINK resources have an address; upload a file for "
                                    + (d.kind() == null ? "the others" : "a " + d.kind()) + ".")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("资源未能保存。", "The resource cannot be saved."), errors);
        }
        Long classId = classFor(d, caller);
        Resource r = new Resource(
                d.category(),
                d.kind(),
                d.unitId(),
                classId,
                d.level(),
                d.jobType(),
                title,
                d.description() == null || d.description().isBlank()
                        ? null
                        : d.description().strip(),
                d.kind() == ResourceKind.LINK ? d.linkUrl().strip() : null,
                caller.accountId(),
                Instant.now());
        em.persist(r);
        em.flush();
        return view(r, caller, scopeOf(caller));
    }

    /**
     * The resources the caller may see, newest first: an administrator all, a teacher those of the classes taught
     * (their own, shared with them, the library's for their units) and the ones the teacher added, a learner the
     * published learning and information resources of the learner's active classes and the assessment resources a
     * teacher showed to learners. {@code classId} narrows the list to what reaches one class the caller may see.
     */
    @Transactional
    public ResourceView.Page list(
            Caller caller, Long unitId, ResourceCategory category, Long classId, int page, int size) {
        ResourceAccess.Scope scope = classId != null ? classScope(classId, caller) : scopeOf(caller);
        return list(caller, scope, classId != null, unitId, category, page, size);
    }

    /** One pack of a class as its reader sees it: {@code reachesYou} false (a learner's teaching pack) lists nothing. */
    public record PackView(String category, boolean reachesYou, long total, List<ResourceView> items) {}

    /** A class's four resource packs, in the package's order (teaching, learning, assessment, information). */
    public record ClassPacks(long classId, List<PackView> packs) {}

    /**
     * The four packs of one class the caller may see (a teacher's or learner's own, any for an administrator; otherwise
     * 404), each with its first {@code size} resources, newest first, and how many there are; more of one pack through
     * {@link #list} with the class and the category. A learner's teaching pack is left empty without asking: it never
     * reaches learners.
     */
    @Transactional
    public ClassPacks packs(Caller caller, long classId, int size) {
        ResourceAccess.Scope scope = classScope(classId, caller);
        List<PackView> packs = new ArrayList<>();
        for (ResourceCategory c : ResourceCategory.values()) {
            if (caller.role() == Role.LEARNER && c == ResourceCategory.TEACHING) {
                packs.add(new PackView(c.name(), false, 0, List.of()));
            } else {
                ResourceView.Page p = list(caller, scope, true, null, c, 0, size);
                packs.add(new PackView(c.name(), true, p.total(), p.items()));
            }
        }
        return new ClassPacks(classId, packs);
    }

    private ResourceView.Page list(
            Caller caller,
            ResourceAccess.Scope scope,
            boolean oneClass,
            Long unitId,
            ResourceCategory category,
            int page,
            int size) {
        boolean everything = caller.role() == Role.ADMINISTRATOR && !oneClass;
        StringBuilder where = new StringBuilder(" WHERE r.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (unitId != null) {
            where.append(" AND r.unit_id = ?");
            params.add(unitId);
        }
        if (category != null) {
            where.append(" AND r.category = ?");
            params.add(category.name());
        }
        if (!everything) {
            List<Long> in = scope.classes().isEmpty() ? List.of(-1L) : List.copyOf(scope.classes());
            List<Long> units = scope.units().isEmpty() ? List.of(-1L) : List.copyOf(scope.units());
            where.append(" AND (r.class_id IN ")
                    .append(Bulk.marks(in.size()))
                    .append(" OR EXISTS (SELECT 1 FROM resource_share s WHERE s.resource_id = r.id AND s.class_id IN ")
                    .append(Bulk.marks(in.size()))
                    .append(") OR (r.shared_with_all AND (r.unit_id IS NULL OR r.unit_id IN ")
                    .append(Bulk.marks(units.size()))
                    .append("))");
            params.addAll(in);
            params.addAll(in);
            params.addAll(units);
            if (caller.role() == Role.TEACHER && !oneClass) {
                where.append(" OR r.created_by = ?");
                params.add(caller.accountId());
            }
            where.append(")");
        }
        if (caller.role() == Role.LEARNER) {
            // ResourceAccess.learnersSee, in the query: teaching never, assessment while a teacher shows it (shownAt).
            where.append(
                    " AND r.published_version_id IS NOT NULL AND (r.category IN ('INFORMATION', 'LEARNING')"
                            + " OR (r.category = 'ASSESSMENT' AND r.shown_to_learners"
                            + " AND (r.shown_from IS NULL OR r.shown_from <= ?) AND (r.shown_until IS NULL OR r.shown_until > ?)))");
            Instant now = Instant.now();
            params.add(now);
            params.add(now);
        }
        Bulk sql = Bulk.on(em);
        long total = sql.select("SELECT COUNT(*) AS n FROM resource r" + where, params, r -> r.getLong("n"))
                .get(0);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Long> ids = sql.select(
                "SELECT r.id FROM resource r" + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?",
                pageParams,
                r -> r.getLong("id"));
        Map<Long, Resource> found = ids.isEmpty()
                ? Map.of()
                : em.createQuery("SELECT r FROM Resource r WHERE r.id IN :ids", Resource.class)
                        .setParameter("ids", ids)
                        .getResultStream()
                        .collect(Collectors.toMap(Resource::id, r -> r));
        List<ResourceView> views =
                ids.stream().map(id -> view(found.get(id), caller, scope)).toList();
        return new ResourceView.Page(views, page, size, total);
    }

    @Transactional
    public ResourceView get(long id, Caller caller) {
        ResourceAccess.Scope scope = scopeOf(caller);
        return view(visible(id, caller, scope), caller, scope);
    }

    /** A new version: its number, its asset id, and the grant to upload its file to media-service. */
    @Transactional
    public UploadTicket newVersion(long id, NewVersion request, Caller caller) {
        Resource r = changeable(id, caller, scopeOf(caller));
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        if (r.kind() == ResourceKind.LINK) {
            throw PlatformException.conflict(
                    new Words("链接资源没有文件，请修改其链接地址。", "A link resource has no file; change its address instead."));
        }
        List<FieldError> errors = new ArrayList<>();
        if (request == null
                || request.fileName() == null
                || request.fileName().isBlank()
                || request.fileName().length() > 255) {
            errors.add(new FieldError(
                    "fileName", new Words("请填写文件名（最多 255 个字符）。", "Give the file's name (at most 255 characters).")));
        }
        if (request == null || request.size() == null || request.size() <= 0) {
            errors.add(new FieldError(
                    "size",
                    new Words(
                            "请填写文件大小（字节）；空文件不能作为资源。",
                            "Give the file's size in bytes; an empty file cannot be a resource.")));
        } else if (request.size() > tickets.maxBytes(mediaKind(r))) {
            errors.add(new FieldError(
                    "size",
                    new Words(
                            r.kind().zh() + "文件最大为 " + tickets.maxBytes(mediaKind(r)) + " 字节。",
                            "A " + r.kind() + " file may have at most " + tickets.maxBytes(mediaKind(r)) + " bytes.")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("无法开始上传新版本。", "The version cannot start."), errors);
        }
        int number = em.createQuery(
                                "SELECT COALESCE(MAX(v.number), 0) FROM ResourceVersion v WHERE v.resource = :r",
                                Integer.class)
                        .setParameter("r", r)
                        .getSingleResult()
                + 1;
        ResourceVersion v = new ResourceVersion(
                r,
                number,
                UUID.randomUUID(),
                request.fileName().strip(),
                request.size(),
                caller.accountId(),
                Instant.now());
        em.persist(v);
        em.flush();
        return uploadTicket(v, caller);
    }

    /** A fresh upload grant for a version whose upload is resumed after the first grant ran out. */
    @Transactional
    public UploadTicket uploadGrant(long id, int number, Caller caller) {
        changeable(id, caller, scopeOf(caller));
        return uploadTicket(version(id, number), caller);
    }

    @Transactional
    public ResourceView publish(long id, int number, Caller caller) {
        ResourceAccess.Scope scope = scopeOf(caller);
        Resource r = changeable(id, caller, scope);
        ResourceVersion v = version(id, number);
        MediaStates.Status status = mediaStates.status(v.assetId(), mediaKind(r), caller);
        String state = status.state();
        if (!"READY".equals(state)) {
            throw PlatformException.conflict(new Words(
                    "这个版本的文件还没有就绪（" + state + "），就绪后才能发布。",
                    "Version " + number + "'s file is not ready (" + state + "); publish it once it is READY."));
        }
        v.markPublished(Instant.now());
        // Kept with the version, for attendance and live lessons (PlayingTimes): a READY file's playing time is final.
        v.recordDuration(status.durationMs());
        r.publish(v);
        return view(r, caller, scope);
    }

    /**
     * Deletes one version of a resource, or cancels its upload or transcoding: its file is released (media-service
     * refuses its grants at once, stops its transcoding and removes its objects), its number is not reused, and the
     * attendance already credited on it stays. The published version is refused (409): learners use it; publish
     * another first or delete the whole resource.
     */
    @Transactional
    public ResourceView deleteVersion(long id, int number, Caller caller, String clientAddress) {
        ResourceAccess.Scope scope = scopeOf(caller);
        Resource r = changeable(id, caller, scope);
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        ResourceVersion v = version(id, number);
        if (r.published() != null && r.published().id().equals(v.id())) {
            throw PlatformException.conflict(
                    new Words(
                            "这是学员正在使用的已发布版本：请先发布另一个版本，或删除整个资源。",
                            "This is the published version learners use: publish another version first, or delete the whole resource."));
        }
        v.delete(Instant.now());
        tickets.release(List.of(v.assetId()));
        audit.record(
                caller,
                "DELETE_RESOURCE_VERSION",
                null,
                "resource " + id + " \"" + r.title() + "\" version " + number + " (" + v.fileName() + ", asset "
                        + v.assetId() + ")",
                clientAddress);
        return view(r, caller, scope);
    }

    /**
     * Deletes a resource with all its versions: learners no longer see it, every file is released, and the attendance
     * records that name it keep their seconds (the row stays, marked deleted).
     */
    @Transactional
    public void delete(long id, Caller caller, String clientAddress) {
        Resource r = changeable(id, caller, scopeOf(caller));
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        List<ResourceVersion> versions = versions(r);
        Instant now = Instant.now();
        versions.forEach(v -> v.delete(now));
        r.delete(now);
        tickets.release(versions.stream().map(ResourceVersion::assetId).toList());
        audit.record(
                caller,
                "DELETE_RESOURCE",
                null,
                "resource " + id + " \"" + r.title() + "\" with " + versions.size() + " version(s)",
                clientAddress);
    }

    /**
     * Whether an assessment resource's learners see it ({@code shown}) and, when shown, in which window: from
     * {@code from} (inclusive) until {@code until} (exclusive), either open (empty); either an ISO 8601 time with its offset or China time
     * without one ({@link TimeFields#instant}).
     */
    public record LearnerVisibility(Boolean shown, String from, String until) {}

    /**
     * Shows an assessment resource to the learners of the classes it reaches, or hides it again (rubrics and sample
     * papers, when the teachers decide): any teacher of its class, or an administrator ({@link
     * ResourceAccess#mayShowToLearners}); 404 for whoever cannot see it, 403 for a teacher who only sees it, 409 for
     * another pack (teaching resources never reach learners, learning and information resources always do). Audited
     * when it changes.
     */
    @Transactional
    public ResourceView showToLearners(long id, LearnerVisibility request, Caller caller, String clientAddress) {
        ResourceAccess.Scope scope = scopeOf(caller);
        Resource r = visible(id, caller, scope);
        if (request == null || request.shown() == null) {
            throw PlatformException.invalid(
                    new Words("请说明学员是否可见（是或否）。", "Send {\"shown\": true} or false."),
                    List.of(new FieldError("shown", new Words("必填", "required"))));
        }
        if (!ResourceAccess.mayShowToLearners(caller.role(), reach(r), scope)) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words(
                            "只有资源所属班级的教师或管理员可以设置学员是否可见。",
                            "Only a teacher of the resource's own class or an administrator decides whether learners see it."));
        }
        if (r.category() != ResourceCategory.ASSESSMENT) {
            throw PlatformException.conflict(new Words(
                    "只有考核资源可以设置学员是否可见：" + r.category().zh()
                            + (r.category() == ResourceCategory.TEACHING ? "从不向学员开放。" : "总是向本班学员开放。"),
                    "Only assessment resources are shown or hidden: " + r.category() + " resources "
                            + (r.category() == ResourceCategory.TEACHING ? "never reach learners." : "always do.")));
        }
        List<FieldError> errors = new ArrayList<>();
        Instant from = request.shown() ? TimeFields.instant(request.from(), "from", false, errors) : null;
        Instant until = request.shown() ? TimeFields.instant(request.until(), "until", false, errors) : null;
        TimeFields.refuseIfAny(errors);
        if (from != null && until != null && !until.isAfter(from)) {
            throw PlatformException.invalid(
                    new Words("可见结束时间须晚于开始时间。", "The window must end after it begins."),
                    List.of(new FieldError("until", new Words("须晚于开始时间", "must be after from"))));
        }
        if (until != null && !until.isAfter(Instant.now())) {
            throw PlatformException.invalid(
                    new Words(
                            "可见结束时间已经过去，学员将始终看不到它；如要不让学员看到，请直接设为不可见。",
                            "The window has already ended, so learners would never see it; to hide it, hide it."),
                    List.of(new FieldError("until", new Words("须晚于现在", "must be in the future"))));
        }
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        if (r.shownToLearners() != request.shown()
                || !Objects.equals(r.shownFrom(), from)
                || !Objects.equals(r.shownUntil(), until)) {
            r.showToLearners(request.shown(), from, until);
            audit.record(
                    caller,
                    request.shown() ? "SHOW_RESOURCE_TO_LEARNERS" : "HIDE_RESOURCE_FROM_LEARNERS",
                    null,
                    "resource " + id + " \"" + r.title() + "\" (class " + r.classId() + ")"
                            + (from == null ? "" : " from " + from)
                            + (until == null ? "" : " until " + until),
                    clientAddress);
        }
        return view(r, caller, scope);
    }

    /** Who else sees a resource (administrators): these classes, and with {@code withAll} every class whose plan has its unit. */
    public record Sharing(List<Long> classIds, Boolean withAll) {}

    @Transactional
    public ResourceView share(long id, Sharing sharing, Caller admin) {
        Resource r = em.find(Resource.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw PlatformException.notFound(new Words("资源", "Resource"), id);
        }
        if (sharing == null || sharing.classIds() == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送要共享的班级，以及是否共享给所有相关班级。",
                            "Send {\"classIds\": [...], \"withAll\": true|false}."),
                    List.of(new FieldError("classIds", new Words("必填", "required"))));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<Long> shared = new TreeSet<>();
        for (int i = 0; i < sharing.classIds().size(); i++) {
            Long classId = sharing.classIds().get(i);
            Set<Long> units = classId == null ? null : classes.planUnits(classId);
            if (units == null) {
                errors.add(new FieldError(
                        "classIds[" + i + "]", new Words("班级 " + classId + " 不存在", "there is no class " + classId)));
            } else if (r.unitId() != null && !units.contains(r.unitId())) {
                errors.add(new FieldError(
                        "classIds[" + i + "]",
                        new Words(
                                "班级 " + classId + " 的培训计划中没有学习单元 " + r.unitId(),
                                "class " + classId + "'s plan has no unit " + r.unitId())));
            } else if (!classId.equals(r.classId())) {
                shared.add(classId);
            }
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("资源不能按此方式共享。", "The resource cannot be shared so."), errors);
        }
        r.share(shared, Boolean.TRUE.equals(sharing.withAll()) || r.classId() == null);
        return view(r, admin, ResourceAccess.Scope.NONE);
    }

    /** The grant and addresses to reach a version's file: the published one, or any for teachers. */
    @Transactional
    public AccessTicket access(long id, Integer number, Caller caller) {
        Resource r = visible(id, caller, scopeOf(caller));
        if (r.kind() == ResourceKind.LINK) {
            throw PlatformException.conflict(
                    new Words("此资源是链接，没有文件，请直接打开其链接地址。", "This resource is a link: open " + r.linkUrl()));
        }
        ResourceVersion v;
        if (number == null) {
            v = r.published();
            if (v == null) {
                throw PlatformException.notFound(new Words(
                        "资源 " + id + " 没有已发布的版本。", "Published version of resource " + id + " does not exist."));
            }
        } else {
            if (!ResourceAccess.maySeeUnpublished(caller.role())
                    && (r.published() == null || r.published().number() != number)) {
                throw PlatformException.notFound(new Words(
                        "资源 " + id + " 的第 " + number + " 版不存在。",
                        "Version " + number + " of resource " + id + " does not exist."));
            }
            v = version(id, number);
        }
        // A learner's grant to a sample paper shown until a time ends then, not hours later.
        boolean windowed = caller.role() == Role.LEARNER && r.category() == ResourceCategory.ASSESSMENT;
        return ticket(r, v, caller, windowed ? r.shownUntil() : null);
    }

    /**
     * The published assessment resources of these units that reach the exam's class: the materials of an exam
     * attempt whose paper draws on them. Only {@code Exams} calls this, for a learner's own open attempt.
     */
    @Transactional
    public List<ResourceView> assessmentMaterials(long classId, Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        ResourceAccess.Scope scope = scope(classes.membershipOf(classId));
        return em
                .createQuery(
                        "SELECT r FROM Resource r WHERE r.category = :c AND r.unitId IN :units AND r.published IS NOT NULL"
                                + " AND r.deletedAt IS NULL ORDER BY r.id",
                        Resource.class)
                .setParameter("c", ResourceCategory.ASSESSMENT)
                .setParameter("units", unitIds)
                .getResultList()
                .stream()
                .filter(r -> ResourceAccess.reaches(reach(r), scope))
                .map(r -> ResourceView.of(r, unitName(r), null, false, false))
                .toList();
    }

    /**
     * The grant to the published version of an assessment resource for a learner inside an open exam attempt
     * ({@code Exams} checked the attempt; {@code unitIds} are the units its paper draws on, so the resource must be one
     * of its {@link #assessmentMaterials}, else 404): the one way a learner reaches assessment material. The grant is
     * short-lived, like every grant.
     */
    @Transactional
    public AccessTicket examAccess(long id, long classId, Set<Long> unitIds, Caller learner) {
        Resource r = em.find(Resource.class, id);
        if (r == null
                || r.deleted()
                || r.category() != ResourceCategory.ASSESSMENT
                || r.published() == null
                || r.unitId() == null
                || !unitIds.contains(r.unitId())
                || !ResourceAccess.reaches(reach(r), scope(classes.membershipOf(classId)))) {
            throw PlatformException.notFound(new Words("考核资源", "Assessment resource"), id);
        }
        if (r.kind() == ResourceKind.LINK) {
            throw PlatformException.conflict(
                    new Words("此资源是链接，没有文件，请直接打开其链接地址。", "This resource is a link: open " + r.linkUrl()));
        }
        return ticket(r, r.published(), learner, null);
    }

    /** Of these classes (a learner's, whose plans have the resource's unit), the ones the resource reaches, in their order. */
    @Transactional
    public List<Long> classesReached(long resourceId, List<Long> classIds) {
        Resource r = em.find(Resource.class, resourceId);
        return r == null || r.deleted()
                ? List.of()
                : classIds.stream()
                        .filter(c -> ResourceAccess.reaches(reach(r), scope(classes.membershipOf(c))))
                        .toList();
    }

    /** @param notAfter when the grant must end at the latest (a window's end), or null */
    private AccessTicket ticket(Resource r, ResourceVersion v, Caller caller, Instant notAfter) {
        MediaTickets.View t = tickets.view(v.assetId(), mediaKind(r), caller, notAfter);
        return new AccessTicket(
                r.id(),
                v.number(),
                t.assetId(),
                t.kind(),
                t.grant(),
                t.expiresAt(),
                t.playlistUrl(),
                t.posterUrl(),
                t.fileUrl(),
                t.statusUrl(),
                t.eventsUrl());
    }

    private UploadTicket uploadTicket(ResourceVersion v, Caller caller) {
        MediaTickets.Upload t =
                tickets.upload(v.assetId(), mediaKind(v.resource()), caller, tickets.maxBytes(mediaKind(v.resource())));
        return new UploadTicket(
                v.resource().id(),
                v.number(),
                t.assetId(),
                t.grant(),
                t.expiresAt(),
                t.uploadUrl(),
                t.statusUrl(),
                t.eventsUrl(),
                t.captionsUrl());
    }

    private ResourceVersion version(long id, int number) {
        return em.createQuery(
                        "SELECT v FROM ResourceVersion v WHERE v.resource.id = :id AND v.number = :n AND v.deletedAt IS NULL",
                        ResourceVersion.class)
                .setParameter("id", id)
                .setParameter("n", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> PlatformException.notFound(new Words(
                        "资源 " + id + " 的第 " + number + " 版不存在。",
                        "Version " + number + " of resource " + id + " does not exist.")));
    }

    /** The resource if the caller may see it; otherwise 404, so that nobody can probe for ids. */
    private Resource visible(long id, Caller caller, ResourceAccess.Scope scope) {
        Resource r = em.find(Resource.class, id);
        if (r == null
                || r.deleted()
                || !ResourceAccess.maySee(
                        caller.role(),
                        r.category(),
                        reach(r),
                        scope,
                        r.createdBy() == caller.accountId(),
                        ResourceAccess.shownAt(r.shownToLearners(), r.shownFrom(), r.shownUntil(), Instant.now()))
                || (!ResourceAccess.maySeeUnpublished(caller.role()) && r.published() == null)) {
            throw PlatformException.notFound(new Words("资源", "Resource"), id);
        }
        return r;
    }

    /** The resource if the caller may change it: 404 if the caller cannot see it, 403 if only see it. */
    @Inject
    MediaStates mediaStates;

    @Inject
    AuditLog audit;

    private Resource changeable(long id, Caller caller, ResourceAccess.Scope scope) {
        Resource r = visible(id, caller, scope);
        if (!ResourceAccess.mayChange(caller.role(), reach(r), r.createdBy() == caller.accountId(), scope)) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words(
                            "只有添加该资源且仍在该班任教的教师或管理员可以修改它。",
                            "Only the teacher who added this resource, while teaching its class, or an administrator may change it."));
        }
        return r;
    }

    /**
     * The class a new resource belongs to: for a teacher one of the classes taught whose plan has the unit (the only one
     * when {@code classId} is left out); for an administrator the class named, or none (the institution's library).
     */
    private Long classFor(ResourceDraft d, Caller caller) {
        if (caller.role() == Role.ADMINISTRATOR && d.classId() == null) {
            return null;
        }
        Classes.Membership mine = caller.role() == Role.ADMINISTRATOR ? null : classes.membership(caller);
        List<Long> candidates;
        if (d.classId() != null) {
            Set<Long> units = classes.planUnits(d.classId());
            if (units == null || (mine != null && !mine.classes().contains(d.classId()))) {
                throw PlatformException.invalid(
                        new Words("您只能在自己任教的班级中添加资源。", "You can add resources only to a class you teach."),
                        List.of(new FieldError("classId", new Words("不是您任教的班级", "not a class you teach"))));
            }
            if (d.unitId() != null && !units.contains(d.unitId())) {
                throw PlatformException.invalid(
                        new Words(
                                "班级 " + d.classId() + " 的培训计划中没有学习单元 " + d.unitId() + "。",
                                "Class " + d.classId() + "'s plan has no unit " + d.unitId() + "."),
                        List.of(new FieldError(
                                "classId",
                                new Words("该班级的培训计划中没有学习单元 " + d.unitId(), "its plan has no unit " + d.unitId()))));
            }
            return d.classId();
        }
        candidates = mine.classes().stream()
                .sorted()
                .filter(c -> d.unitId() == null || classes.planUnits(c).contains(d.unitId()))
                .toList();
        if (candidates.size() != 1) {
            throw PlatformException.invalid(
                    candidates.isEmpty()
                            ? new Words(
                                    "您任教的班级的培训计划中都没有此学习单元；资源须添加在您任教的班级中。",
                                    "None of your classes has this unit in its plan; resources are added in a class you teach.")
                            : new Words(
                                    "您任教的多个班级都有此学习单元（" + candidates + "），请指明资源属于哪个班级。",
                                    "Several of your classes have this unit (" + candidates
                                            + "); say which one the resource is for."),
                    List.of(new FieldError(
                            "classId",
                            candidates.isEmpty()
                                    ? new Words("您任教的班级都没有此学习单元", "no class of yours has the unit")
                                    : new Words("须为以下之一：" + candidates, "one of " + candidates))));
        }
        return candidates.get(0);
    }

    /**
     * One class as the scope of a list of its resources: a class the caller teaches or learns in, any for an
     * administrator (otherwise 404). A learner's class must also be active, by the same rule as opening one of its
     * resources ({@link #scopeOf}: a learner's active classes), so that the list never shows what opening refuses: a
     * class not yet activated is the same 404, said so. A learner's class is one query (an active class of the
     * learner's, with its units); only when it fails is it asked whether the class is the learner's at all.
     */
    private ResourceAccess.Scope classScope(long classId, Caller caller) {
        if (caller.role() != Role.LEARNER) {
            return scope(classes.membershipOf(classId, caller));
        }
        Classes.Membership active = classes.activeMembershipOf(classId, caller.accountId());
        if (active == null) {
            // Not the learner's class: the plain 404, which says nothing of the class's state.
            classes.membershipOf(classId, caller);
            throw PlatformException.notFound(new Words(
                    "班级 " + classId + " 尚未开班：资源包只向进行中班级的学员开放。",
                    "Class " + classId
                            + " is not active: its resource packs reach the learners of active classes only."));
        }
        return scope(active);
    }

    private ResourceAccess.Scope scopeOf(Caller caller) {
        return caller.role() == Role.ADMINISTRATOR ? ResourceAccess.Scope.NONE : scope(classes.membership(caller));
    }

    static ResourceAccess.Scope scope(Classes.Membership m) {
        return new ResourceAccess.Scope(m.classes(), m.units());
    }

    static ResourceAccess.Reach reach(Resource r) {
        return new ResourceAccess.Reach(r.unitId(), r.classId(), r.sharedWith(), r.sharedWithAll());
    }

    private ResourceView view(Resource r, Caller caller, ResourceAccess.Scope scope) {
        List<ResourceVersion> versions = ResourceAccess.maySeeUnpublished(caller.role()) ? versions(r) : null;
        return ResourceView.of(
                r,
                unitName(r),
                versions,
                ResourceAccess.mayChange(caller.role(), reach(r), r.createdBy() == caller.accountId(), scope),
                ResourceAccess.mayShowToLearners(caller.role(), reach(r), scope));
    }

    /** The name of the resource's learning unit (the persistence context keeps each unit once per request). */
    private String unitName(Resource r) {
        LearningUnit u = r.unitId() == null ? null : em.find(LearningUnit.class, r.unitId());
        return u == null ? null : u.name();
    }

    /** The versions not deleted, oldest first. */
    private List<ResourceVersion> versions(Resource r) {
        return em.createQuery(
                        "SELECT v FROM ResourceVersion v WHERE v.resource = :r AND v.deletedAt IS NULL ORDER BY v.number",
                        ResourceVersion.class)
                .setParameter("r", r)
                .getResultList();
    }

    private static String mediaKind(Resource r) {
        return r.kind().name();
    }

    private static boolean isWebAddress(String s) {
        if (s == null || s.isBlank() || s.length() > 2000) {
            return false;
        }
        try {
            URI u = URI.create(s.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
