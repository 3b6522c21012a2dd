package cn.imtp.lms.cohort.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.catalogue.control.Catalogue;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.cohort.entity.ClassTeacher;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.LearnerQualification;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.cohort.entity.LessonMode;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.control.IdDocuments;
import cn.imtp.lms.identity.control.NewAccount;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.plan.control.Plans;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.lms.sql.Search;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/** Composing classes, and the visibility rule: administrators see all, teachers theirs, learners their own. */
@ApplicationScoped
public class Classes {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Plans plans;

    @Inject
    Accounts accounts;

    @Inject
    Catalogue catalogue;

    @Inject
    TeacherCredentials teacherCredentials;

    @Inject
    LearnerQualifications learnerQualifications;

    public record ImportedLearner(int line, long accountId, String username, String temporaryPassword) {}

    @Transactional
    public ClassView create(Requests.NewClass n) {
        List<FieldError> errors = new ArrayList<>();
        if (n == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送班级信息。", "Send the class as JSON."), List.of());
        }
        if (n.name() == null || n.name().isBlank()) {
            errors.add(new FieldError("name", new Words("必填", "is required")));
        } else if (n.name().trim().length() > 200) {
            errors.add(new FieldError("name", new Words("最多 200 个字符", "has at most 200 characters")));
        }
        TrainingPlan plan = n.planId() == null ? null : em.find(TrainingPlan.class, n.planId());
        if (plan == null) {
            errors.add(new FieldError(
                    "planId",
                    n.planId() == null
                            ? new Words("必填", "is required")
                            : new Words("培训计划 " + n.planId() + " 不存在", "plan " + n.planId() + " does not exist")));
        }
        if (n.deliveryMode() == null) {
            errors.add(new FieldError(
                    "deliveryMode",
                    new Words("必填：ONLINE、IN_PERSON 或 BLENDED", "is required: ONLINE, IN_PERSON or BLENDED")));
        }
        LocalDate startsOn = TimeFields.date(n.startsOn(), "startsOn", true, errors);
        LocalDate endsOn = TimeFields.date(n.endsOn(), "endsOn", true, errors);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", new Words("不得早于开始日期", "must not be before startsOn")));
        }
        Requests.PresenceChecks checks = n.presenceChecks();
        if (checks != null) {
            if (checks.perClassHour() == null || checks.perClassHour() < 1 || checks.perClassHour() > 12) {
                errors.add(new FieldError(
                        "presenceChecks.perClassHour", new Words("每学时须核验 1 至 12 次", "1 to 12 checks per class hour")));
            }
            if (checks.answerSeconds() == null || checks.answerSeconds() < 30 || checks.answerSeconds() > 600) {
                errors.add(new FieldError(
                        "presenceChecks.answerSeconds", new Words("须为 30 至 600 秒", "30 to 600 seconds")));
            }
            if (n.deliveryMode() == DeliveryMode.IN_PERSON) {
                errors.add(new FieldError(
                        "presenceChecks",
                        new Words(
                                "面授班级没有在线学习的课次，请不要设置在线学习核验",
                                "an in-person class studies no lesson online: leave presence checks out")));
            }
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("班级未创建，请更正所列字段。", "The class was not created; correct the fields listed."), errors);
        }
        TrainingClass c = new TrainingClass(
                n.name().trim(),
                plan,
                n.deliveryMode(),
                startsOn,
                endsOn,
                n.leadsToCertificate() == null || n.leadsToCertificate());
        if (checks != null) {
            c.requirePresenceChecks(checks.perClassHour(), checks.answerSeconds());
        }
        em.persist(c);
        em.flush();
        return view(c);
    }

    @Transactional
    public ClassView.Page list(Caller caller, String q, int page, int size) {
        String term = Search.term(q);
        String from = visibleFrom(caller) + (term == null ? "" : " AND LOWER(c.name) LIKE :q ESCAPE '!'");
        var rows = em.createQuery("SELECT c" + from + " ORDER BY c.id DESC", TrainingClass.class);
        var count = em.createQuery("SELECT COUNT(c)" + from, Long.class);
        if (caller.role() != Role.ADMINISTRATOR) {
            rows.setParameter("me", caller.accountId());
            count.setParameter("me", caller.accountId());
        }
        if (term != null) {
            rows.setParameter("q", Search.containing(term));
            count.setParameter("q", Search.containing(term));
        }
        List<ClassView.Summary> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(c -> new ClassView.Summary(
                        c.id(),
                        c.name(),
                        c.plan().level(),
                        c.plan().jobType(),
                        c.deliveryMode(),
                        c.startsOn(),
                        c.endsOn(),
                        c.status(),
                        c.learnerIds().size()))
                .toList();
        return new ClassView.Page(items, page, size, count.getSingleResult());
    }

    /** The ids of the classes the caller may see: those taught, those attended; null for an administrator (every class). */
    @Transactional
    public List<Long> idsVisibleTo(Caller caller) {
        if (caller.role() == Role.ADMINISTRATOR) {
            return null;
        }
        return em.createQuery("SELECT c.id" + visibleFrom(caller), Long.class)
                .setParameter("me", caller.accountId())
                .getResultList();
    }

    /** The names of these classes, by id (a page's worth: each class is read). */
    @Transactional
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM TrainingClass c WHERE c.id IN :ids", TrainingClass.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(TrainingClass::id, TrainingClass::name));
    }

    /** The FROM and WHERE of the classes a caller may see: administrators all, teachers those they teach, learners their own. */
    private static String visibleFrom(Caller caller) {
        return switch (caller.role()) {
            case ADMINISTRATOR -> " FROM TrainingClass c WHERE 1 = 1";
            case TEACHER ->
                " FROM TrainingClass c WHERE EXISTS (SELECT t FROM ClassTeacher t WHERE t.trainingClass = c AND t.accountId = :me)";
            case LEARNER -> " FROM TrainingClass c WHERE :me MEMBER OF c.learnerIds";
        };
    }

    @Transactional
    public ClassView get(long id, Caller caller) {
        TrainingClass c = visible(id, caller);
        return caller.role() == Role.LEARNER ? view(c).asSeenBy(caller.accountId()) : view(c);
    }

    @Transactional
    public ClassView enrol(long id, List<Long> accountIds) {
        TrainingClass c = draft(id);
        List<FieldError> errors = new ArrayList<>();
        for (Long accountId : accountIds == null ? List.<Long>of() : accountIds) {
            Account a = em.find(Account.class, accountId);
            if (a == null || a.role() != Role.LEARNER) {
                errors.add(new FieldError(
                        "accountIds", new Words(accountId + " 不是学员账号", accountId + " is not a learner's account")));
            }
        }
        if (accountIds == null || accountIds.isEmpty()) {
            errors.add(new FieldError("accountIds", new Words("请至少指定一名学员", "name at least one learner")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("未加入任何学员。", "Nobody was enrolled."), errors);
        }
        c.learnerIds().addAll(accountIds);
        return view(c);
    }

    /**
     * Creates the roster's learners (each with a temporary password, returned once) and enrols them;
     * all or nothing.
     */
    @Transactional
    public List<ImportedLearner> importRoster(long id, String csv, Caller actor, String address) {
        TrainingClass c = draft(id);
        RosterCsv.Result parsed = RosterCsv.parse(csv == null ? "" : csv, ChinaTime.today());
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        for (RosterCsv.Row row : parsed.rows()) {
            if (accounts.byUsername(row.username()).isPresent()) {
                errors.add(new FieldError(
                        "line " + row.line(),
                        new Words("用户名 " + row.username() + " 已被占用", "username " + row.username() + " is taken")));
            }
            if (!em.createNamedQuery(Account.BY_DOCUMENT, Account.class)
                    .setParameter("type", row.idType())
                    .setParameter("number", row.idNumber())
                    .getResultList()
                    .isEmpty()) {
                String masked = IdDocuments.mask(row.idNumber());
                errors.add(new FieldError(
                        "line " + row.line(),
                        new Words(
                                "证件号码为 " + masked + " 的学员已有账号，请直接将该账号加入班级",
                                "a learner with identity number " + masked
                                        + " has an account already; enrol that account instead")));
            }
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "未导入任何数据：有 " + errors.size() + " 行需要更正。",
                            "Nothing was imported: " + errors.size() + " row(s) need correcting."),
                    errors);
        }
        List<ImportedLearner> imported = new ArrayList<>();
        for (RosterCsv.Row row : parsed.rows()) {
            Accounts.Created created = accounts.create(
                    new NewAccount(
                            row.username(),
                            Role.LEARNER,
                            row.fullName(),
                            null,
                            row.idType(),
                            row.idNumber(),
                            row.phone()),
                    actor,
                    address);
            c.learnerIds().add(created.account().id());
            imported.add(new ImportedLearner(
                    row.line(), created.account().id(), row.username(), created.temporaryPassword()));
        }
        return imported;
    }

    @Transactional
    public ClassView assignTeacher(long id, Requests.TeacherAssignment t) {
        TrainingClass c = draft(id);
        Account a = t == null || t.accountId() == null ? null : em.find(Account.class, t.accountId());
        if (a == null || a.role() != Role.TEACHER) {
            throw PlatformException.invalid(
                    new Words("请指定一个教师账号。", "Name a teacher's account."),
                    List.of(new FieldError("accountId", new Words("不是教师账号", "is not a teacher's account"))));
        }
        if (t.duty() == null) {
            throw PlatformException.invalid(
                    new Words("请说明所担任的职责。", "Say which duty."),
                    List.of(new FieldError(
                            "duty", new Words("必填：THEORY 或 PRACTICAL", "is required: THEORY or PRACTICAL"))));
        }
        boolean present = c.teachers().stream().anyMatch(x -> x.accountId() == a.id() && x.duty() == t.duty());
        if (!present) {
            c.teachers().add(new ClassTeacher(c, a.id(), t.duty()));
        }
        return view(c);
    }

    @Transactional
    public ClassView addLesson(long id, Requests.NewLesson l, Caller caller) {
        // Lessons can be added while the class runs too (an extra or a make-up lesson), never in the past.
        TrainingClass c = find(id);
        if (caller.role() == Role.TEACHER
                && c.teachers().stream().noneMatch(t -> t.accountId() == caller.accountId())) {
            throw PlatformException.notFound(new Words("班级", "Class"), id);
        }
        List<FieldError> errors = new ArrayList<>();
        LearningUnit unit = l == null || l.unitId() == null
                ? null
                : c.plan().units().stream()
                        .filter(u -> u.id().equals(l.unitId()))
                        .findFirst()
                        .orElse(null);
        if (l == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送课次信息。", "Send the lesson as JSON."), List.of());
        }
        if (unit == null) {
            errors.add(new FieldError("unitId", new Words("不是本班培训计划中的学习单元", "is not a unit of the class's plan")));
        }
        LocalDate date = TimeFields.date(l.date(), "date", true, errors);
        LocalTime start = TimeFields.clock(l.start(), "start", true, errors);
        if (date != null && (date.isBefore(c.startsOn()) || date.isAfter(c.endsOn()))) {
            errors.add(new FieldError(
                    "date",
                    new Words(
                            "须在班级的起止日期内（" + c.startsOn() + " 至 " + c.endsOn() + "）",
                            "must fall within the class, " + c.startsOn() + " to " + c.endsOn())));
        }
        if (c.status() == ClassStatus.ACTIVE
                && date != null
                && start != null
                && date.atTime(start).atZone(ChinaTime.ZONE).toInstant().isBefore(Instant.now())) {
            errors.add(new FieldError(
                    "start",
                    new Words(
                            "班级已开班：只能添加从现在起的课次，不能添加过去的课次",
                            "the class is running: a lesson can be added from now on, not in the past")));
        }
        if (l.classHours() == null || l.classHours() < 1 || l.classHours() > 12) {
            errors.add(new FieldError("classHours", new Words("须为 1 至 12 学时", "1 to 12 class hours")));
        }
        if (l.teacherId() == null || c.teachers().stream().noneMatch(t -> t.accountId() == l.teacherId())) {
            errors.add(new FieldError("teacherId", new Words("不是本班教师", "is not a teacher of this class")));
        }
        if (l.mode() == null) {
            errors.add(new FieldError("mode", new Words("必填：LIVE 或 SELF_PACED", "is required: LIVE or SELF_PACED")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("课次未排入课表，请更正所列字段。", "The lesson was not scheduled; correct the fields listed."), errors);
        }
        c.lessons().add(new Lesson(c, unit, date, start, l.classHours(), l.teacherId(), l.mode()));
        em.flush();
        return view(c);
    }

    /**
     * Schedules every unit of the plan that the lessons do not cover yet, in the plan's order, from the
     * class's start (or the day after its last lesson): basic-course units by a theory teacher, skill
     * units by a practical instructor; online and blended classes study the basic course self-paced and
     * take skill units live, in-person classes take everything live. Nothing is scheduled when the units
     * left do not fit before the class ends.
     */
    @Transactional
    public ClassView autoSchedule(long id, Requests.AutoSchedule s) {
        TrainingClass c = draft(id);
        int perDay = s == null || s.hoursPerDay() == null ? 8 : s.hoursPerDay();
        if (perDay < 1 || perDay > 12) {
            throw PlatformException.invalid(
                    new Words("未安排任何课次。", "Nothing was scheduled."),
                    List.of(new FieldError("hoursPerDay", new Words("每天须为 1 至 12 学时", "1 to 12 class hours a day"))));
        }
        List<FieldError> errors = new ArrayList<>();
        LocalTime dayStarts = s == null ? null : TimeFields.clock(s.dayStarts(), "dayStarts", false, errors);
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("未安排任何课次。", "Nothing was scheduled."), errors);
        }
        if (dayStarts == null) {
            dayStarts = LocalTime.of(9, 0);
        }
        Long theory = c.teachers().stream()
                .filter(t -> t.duty() == Duty.THEORY)
                .map(ClassTeacher::accountId)
                .findFirst()
                .orElse(null);
        Long practical = c.teachers().stream()
                .filter(t -> t.duty() == Duty.PRACTICAL)
                .map(ClassTeacher::accountId)
                .findFirst()
                .orElse(null);
        if (theory == null || practical == null) {
            throw PlatformException.conflict(new Words(
                    "请先指派理论课教师和实习指导教师，课次由他们讲授。",
                    "Assign a theory teacher and a practical instructor first: they give the lessons."));
        }
        Map<Long, Integer> covered = new HashMap<>();
        c.lessons().forEach(l -> covered.merge(l.unit().id(), l.classHours(), Integer::sum));
        List<Timetable.Need> needs = c.plan().units().stream()
                .filter(u -> covered.getOrDefault(u.id(), 0) < u.hours())
                .map(u -> new Timetable.Need(
                        u.id(),
                        u.hours() - covered.getOrDefault(u.id(), 0),
                        u.course().module().table().level() == null))
                .toList();
        LocalDate from = c.lessons().stream()
                .map(Lesson::date)
                .max(LocalDate::compareTo)
                .map(d -> d.plusDays(1))
                .orElse(c.startsOn());
        List<Timetable.Slot> slots =
                Timetable.lay(needs, from.isBefore(c.startsOn()) ? c.startsOn() : from, dayStarts, perDay);
        if (!slots.isEmpty() && slots.get(slots.size() - 1).date().isAfter(c.endsOn())) {
            LocalDate until = slots.get(slots.size() - 1).date();
            throw PlatformException.conflict(new Words(
                    "按每天 " + perDay + " 学时，剩余的 " + needs.size() + " 个学习单元需排课至 " + until + "，但班级于 " + c.endsOn()
                            + " 结束：请增加每天的学时或推迟结束日期。",
                    "The " + needs.size() + " unit(s) left need lessons until " + until + " at " + perDay
                            + " class hours a day, but the class ends on " + c.endsOn()
                            + ": allow more hours a day or a later end."));
        }
        Map<Long, LearningUnit> units = new HashMap<>();
        c.plan().units().forEach(u -> units.put(u.id(), u));
        for (Timetable.Slot slot : slots) {
            LessonMode mode = c.deliveryMode() != DeliveryMode.IN_PERSON && slot.basic()
                    ? LessonMode.SELF_PACED
                    : LessonMode.LIVE;
            c.lessons()
                    .add(new Lesson(
                            c,
                            units.get(slot.unitId()),
                            slot.date(),
                            slot.start(),
                            slot.classHours(),
                            slot.basic() ? theory : practical,
                            mode));
        }
        em.flush();
        return view(c);
    }

    /** The rules that still stand in the way of activation; empty when the class may start. */
    @Transactional
    public List<ClassRules.Violation> check(long id, Caller caller) {
        return ClassRules.check(facts(visible(id, caller)));
    }

    @Transactional
    public ClassView activate(long id) {
        TrainingClass c = draft(id);
        List<ClassRules.Violation> violations = ClassRules.check(facts(c));
        if (!violations.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "班级暂不能开班：有 " + violations.size() + " 条规则未满足。",
                            "The class cannot be activated yet: " + violations.size() + " rule(s) are not met."),
                    violations.stream()
                            .map(v -> new FieldError(v.rule(), v.message()))
                            .toList());
        }
        c.activate(ConfigProvider.getConfig().getValue("lms.class-hour-minutes", Integer.class));
        return view(c);
    }

    private ClassRules.Facts facts(TrainingClass c) {
        Map<Long, ClassRules.Teacher> teachers = new LinkedHashMap<>();
        for (ClassTeacher t : c.teachers()) {
            ClassRules.Teacher known = teachers.get(t.accountId());
            Set<Duty> duties = known == null ? EnumSet.noneOf(Duty.class) : EnumSet.copyOf(known.duties());
            duties.add(t.duty());
            Account a = em.find(Account.class, t.accountId());
            List<ClassRules.Credential> creds = teacherCredentials.credentials(t.accountId()).stream()
                    .map(x -> new ClassRules.Credential(x.kind(), x.level(), x.titleGrade(), x.issuedOn()))
                    .toList();
            teachers.put(
                    t.accountId(),
                    new ClassRules.Teacher(t.accountId(), a.fullName() + " (" + a.username() + ")", duties, creds));
        }
        var assessment = plans.get(c.plan().id()).assessment();
        List<ClassRules.Learner> learners = c.learnerIds().stream()
                .map(id -> {
                    Account a = em.find(Account.class, id);
                    List<LearnerQualification> q = learnerQualifications.qualifications(id);
                    return new ClassRules.Learner(
                            a.fullName() + " (" + a.username() + ")",
                            levels(q, LearnerQualification.Kind.CERTIFICATE),
                            levels(q, LearnerQualification.Kind.APPROVAL));
                })
                .toList();
        return new ClassRules.Facts(
                c.plan().level(),
                assessment.certificateEligible(),
                c.leadsToCertificate(),
                learners,
                List.copyOf(teachers.values()),
                c.plan().units().stream()
                        .map(u -> new ClassRules.UnitNeed(u.id(), u.name(), u.hours()))
                        .toList(),
                c.lessons().stream()
                        .map(l ->
                                new ClassRules.ScheduledLesson(l.unit().id(), l.classHours(), l.date(), l.teacherId()))
                        .toList(),
                c.startsOn(),
                c.endsOn(),
                catalogue.rules(c.plan().edition()).teachers());
    }

    private static Set<Level> levels(List<LearnerQualification> q, LearnerQualification.Kind kind) {
        return q.stream()
                .filter(x -> x.kind() == kind)
                .map(LearnerQualification::level)
                .collect(Collectors.toSet());
    }

    private TrainingClass find(long id) {
        TrainingClass c = em.find(TrainingClass.class, id);
        if (c == null) {
            throw PlatformException.notFound(new Words("班级", "Class"), id);
        }
        return c;
    }

    /** The classes a caller works in and the units of their plans: a teacher's classes, a learner's active ones. */
    public record Membership(Set<Long> classes, Set<Long> units) {}

    /** A teacher's classes (whatever their state) or a learner's active classes, with their plans' units; nothing for administrators. */
    public Membership membership(Caller caller) {
        String from = switch (caller.role()) {
            case TEACHER -> "class_teacher m JOIN training_class c ON c.id = m.class_id";
            case LEARNER -> "class_learner m JOIN training_class c ON c.id = m.class_id AND c.status = 'ACTIVE'";
            case ADMINISTRATOR -> null;
        };
        if (from == null) {
            return new Membership(Set.of(), Set.of());
        }
        Set<Long> classIds = new HashSet<>();
        Set<Long> units = new HashSet<>();
        Bulk.on(em)
                .selectTogether(List.of(new Bulk.Query(
                        "SELECT c.id AS class_id, pu.unit_id AS unit_id FROM " + from
                                + " LEFT JOIN training_plan_unit pu ON pu.plan_id = c.plan_id WHERE m.account_id = ?",
                        List.of(caller.accountId()),
                        r -> {
                            classIds.add(r.getLong("class_id"));
                            long unit = r.getLong("unit_id");
                            if (!r.wasNull()) {
                                units.add(unit);
                            }
                        })));
        return new Membership(Set.copyOf(classIds), Set.copyOf(units));
    }

    /**
     * One class as a learner's membership when the learner studies in it and it is active (the rule of
     * {@link #membership}): itself and its plan's units, read in one query; null otherwise (not the learner's, or not
     * active), without saying which.
     */
    public Membership activeMembershipOf(long classId, long learnerId) {
        Set<Long> units = new HashSet<>();
        boolean[] found = {false};
        Bulk.on(em)
                .selectTogether(List.of(new Bulk.Query(
                        "SELECT pu.unit_id AS unit_id FROM class_learner m"
                                + " JOIN training_class c ON c.id = m.class_id AND c.status = 'ACTIVE'"
                                + " LEFT JOIN training_plan_unit pu ON pu.plan_id = c.plan_id"
                                + " WHERE m.account_id = ? AND m.class_id = ?",
                        List.of(learnerId, classId),
                        r -> {
                            found[0] = true;
                            long unit = r.getLong("unit_id");
                            if (!r.wasNull()) {
                                units.add(unit);
                            }
                        })));
        return found[0] ? new Membership(Set.of(classId), Set.copyOf(units)) : null;
    }

    /** One class the caller may see ({@link #visible}, else 404) as a membership: itself and its plan's units. */
    public Membership membershipOf(long classId, Caller caller) {
        TrainingClass c = visible(classId, caller);
        return new Membership(
                Set.of(c.id()), c.plan().units().stream().map(LearningUnit::id).collect(Collectors.toSet()));
    }

    /**
     * One class as a membership, for the platform itself reading a class it was given by a caller already checked (an
     * exam's, a session's): itself and its plan's units; nothing when there is no such class.
     */
    public Membership membershipOf(long classId) {
        Set<Long> units = planUnits(classId);
        return units == null ? new Membership(Set.of(), Set.of()) : new Membership(Set.of(classId), units);
    }

    /** The units of a class's plan, or null when there is no such class. */
    public Set<Long> planUnits(long classId) {
        TrainingClass c = em.find(TrainingClass.class, classId);
        return c == null
                ? null
                : c.plan().units().stream().map(LearningUnit::id).collect(Collectors.toSet());
    }

    /**
     * The learner's active classes by the units of their plans (unit → class ids, lowest first): which
     * learning resources the learner may see, and which class a unit's credit goes to.
     */
    public Map<Long, List<Long>> activeClassesByUnit(long learnerId) {
        Map<Long, List<Long>> byUnit = new LinkedHashMap<>();
        Bulk.on(em)
                .selectTogether(List.of(new Bulk.Query(
                        "SELECT pu.unit_id, c.id AS class_id FROM class_learner cl"
                                + " JOIN training_class c ON c.id = cl.class_id AND c.status = 'ACTIVE'"
                                + " JOIN training_plan_unit pu ON pu.plan_id = c.plan_id WHERE cl.account_id = ? ORDER BY c.id",
                        List.of(learnerId),
                        r -> byUnit.computeIfAbsent(r.getLong("unit_id"), u -> new ArrayList<>())
                                .add(r.getLong("class_id")))));
        return byUnit;
    }

    /** The class if the caller may see it (administrators all, teachers theirs, learners their own); otherwise 404. */
    public TrainingClass visible(long id, Caller caller) {
        TrainingClass c = find(id);
        boolean allowed = switch (caller.role()) {
            case ADMINISTRATOR -> true;
            case TEACHER -> c.teachers().stream().anyMatch(t -> t.accountId() == caller.accountId());
            case LEARNER -> c.learnerIds().contains(caller.accountId());
        };
        if (!allowed) {
            throw PlatformException.notFound(new Words("班级", "Class"), id);
        }
        return c;
    }

    private TrainingClass draft(long id) {
        TrainingClass c = find(id);
        if (c.status() != ClassStatus.DRAFT) {
            throw PlatformException.conflict(new Words(
                    "班级 " + id + " 已开班，学员名单、教师和课表均不能再更改。",
                    "Class " + id + " is active; its roster, teachers and schedule are fixed."));
        }
        return c;
    }

    private ClassView view(TrainingClass c) {
        List<ClassView.Member> learners = c.learnerIds().stream()
                .map(id -> em.find(Account.class, id))
                .map(a -> new ClassView.Member(a.id(), a.username(), a.fullName(), IdDocuments.mask(a.idNumber())))
                .toList();
        List<ClassView.TeacherSeat> teachers = c.teachers().stream()
                .map(t -> {
                    Account a = em.find(Account.class, t.accountId());
                    return new ClassView.TeacherSeat(a.id(), a.username(), a.fullName(), t.duty());
                })
                .toList();
        List<ClassView.LessonView> lessons = c.lessons().stream()
                .map(l -> new ClassView.LessonView(
                        l.id(),
                        l.unit().id(),
                        l.unit().name(),
                        l.date(),
                        l.start(),
                        l.classHours(),
                        l.teacherId(),
                        l.mode()))
                .toList();
        TrainingPlan p = c.plan();
        return new ClassView(
                c.id(),
                c.name(),
                p.id(),
                p.name(),
                p.level(),
                p.jobType(),
                c.deliveryMode(),
                c.startsOn(),
                c.endsOn(),
                c.leadsToCertificate(),
                c.status(),
                c.classHourMinutes(),
                c.presenceChecksPerHour() == null
                        ? null
                        : new Requests.PresenceChecks(c.presenceChecksPerHour(), c.presenceAnswerSeconds()),
                learners,
                teachers,
                lessons);
    }
}
