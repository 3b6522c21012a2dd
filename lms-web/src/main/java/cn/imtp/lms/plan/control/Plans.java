package cn.imtp.lms.plan.control;

import cn.imtp.lms.catalogue.control.Catalogue;
import cn.imtp.lms.catalogue.entity.AllocationEntry;
import cn.imtp.lms.catalogue.entity.CatalogueTable;
import cn.imtp.lms.catalogue.entity.Edition;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.plan.entity.PlanKind;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Composing, checking and reading training plans. */
@ApplicationScoped
public class Plans {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Catalogue catalogue;

    /** The assessment of a draft without saving it: what the supermarket shows while a teacher picks units. */
    @Transactional
    public PlanView check(PlanDraft draft) {
        Edition edition = catalogue.current();
        List<LearningUnit> units = resolve(draft, edition);
        return view(
                null,
                draft.name(),
                edition,
                draft.level(),
                draft.jobType(),
                draft.kind(),
                draft.employerOrder(),
                null,
                null,
                units);
    }

    /** Saves a plan, shortfalls and all: a plan below the minimum is a draft that no certificate class may use. */
    @Transactional
    public PlanView create(PlanDraft draft, String createdBy) {
        Edition edition = catalogue.current();
        List<LearningUnit> units = resolve(draft, edition);
        TrainingPlan plan = new TrainingPlan(
                edition,
                draft.name().trim(),
                draft.level(),
                draft.jobType(),
                draft.kind(),
                blankToNull(draft.employerOrder()),
                createdBy,
                units);
        em.persist(plan);
        em.flush();
        return view(plan);
    }

    @Transactional
    public PlanView get(long id) {
        TrainingPlan plan = em.find(TrainingPlan.class, id);
        if (plan == null) {
            throw PlatformException.notFound(new Words("培训计划", "Training plan"), id);
        }
        return view(plan);
    }

    @Transactional
    public PlanView.Page list(int page, int size) {
        List<PlanView.Summary> items = em
                .createQuery("SELECT p FROM TrainingPlan p ORDER BY p.id DESC", TrainingPlan.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(p -> {
                    PlanRules.Assessment a = assess(p.edition(), p.level(), p.jobType(), p.kind(), p.units());
                    return new PlanView.Summary(
                            p.id(),
                            p.name(),
                            p.level(),
                            p.jobType(),
                            p.kind(),
                            a.classroomHours(),
                            a.minimumClassroomHours(),
                            a.certificateEligible());
                })
                .toList();
        long total = em.createQuery("SELECT COUNT(p) FROM TrainingPlan p", Long.class)
                .getSingleResult();
        return new PlanView.Page(items, page, size, total);
    }

    private PlanView view(TrainingPlan p) {
        return view(
                p.id(),
                p.name(),
                p.edition(),
                p.level(),
                p.jobType(),
                p.kind(),
                p.employerOrder(),
                p.createdBy(),
                p.createdAt(),
                p.units());
    }

    private PlanView view(
            Long id,
            String name,
            Edition edition,
            Level level,
            JobType jobType,
            PlanKind kind,
            String order,
            String createdBy,
            Instant createdAt,
            List<LearningUnit> units) {
        List<PlanView.PlannedUnit> planned = units.stream()
                .map(u -> new PlanView.PlannedUnit(
                        u.id(),
                        u.name(),
                        u.hours(),
                        u.course().module().table().title(),
                        u.course().code() + " " + u.course().name()))
                .toList();
        return new PlanView(
                id,
                name,
                edition.code(),
                level,
                jobType,
                kind,
                order,
                createdBy,
                createdAt,
                assess(edition, level, jobType, kind, units),
                planned);
    }

    private PlanRules.Assessment assess(
            Edition edition, Level level, JobType jobType, PlanKind kind, List<LearningUnit> units) {
        AllocationEntry row = edition.allocation().stream()
                .filter(a -> a.level() == level)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("edition " + edition.code() + " has no allocation row for " + level));
        Map<Long, Integer> ownLevelTable = edition.tables().stream()
                .filter(t -> t.level() == level && t.jobType() == jobType)
                .findFirst()
                .map(Plans::unitsOf)
                .orElse(Stream.empty())
                .collect(Collectors.toMap(LearningUnit::id, LearningUnit::hours));
        List<PlanRules.Pick> picks = units.stream()
                .map(u -> {
                    CatalogueTable t = u.course().module().table();
                    return new PlanRules.Pick(u.id(), u.name(), u.hours(), t.level() == null, t.level(), t.jobType());
                })
                .toList();
        return PlanRules.assess(
                level,
                jobType,
                kind,
                picks,
                new PlanRules.Minimum(row.basicHours(), row.skillHours()),
                ownLevelTable,
                catalogue.rules(edition).courseSelection());
    }

    private List<LearningUnit> resolve(PlanDraft d, Edition edition) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送培训计划。", "Send the plan as JSON."), List.of());
        }
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new FieldError("name", new Words("必填", "is required")));
        }
        if (d.level() == null) {
            errors.add(new FieldError(
                    "level", new Words("必填：L5、L4、L3、L2、L1 之一", "is required: one of L5, L4, L3, L2, L1")));
        }
        if (d.jobType() == null) {
            errors.add(new FieldError(
                    "jobType",
                    new Words(
                            "必填：PRODUCT_SELECTOR、LIVE_SELLER、VIDEO_PROMOTER 或 PLATFORM_OPERATOR",
                            "is required: PRODUCT_SELECTOR, LIVE_SELLER, VIDEO_PROMOTER or PLATFORM_OPERATOR")));
        } else if (d.jobType() == JobType.PLATFORM_OPERATOR && (d.level() == Level.L2 || d.level() == Level.L1)) {
            errors.add(new FieldError(
                    "jobType",
                    new Words("平台运营人员只开设 L5 至 L3 级培训", "platform operators are trained at levels L5 to L3 only")));
        }
        if (d.kind() == null) {
            errors.add(new FieldError(
                    "kind",
                    new Words(
                            "必填：NEW_ENTRANT、UPGRADE、EXPERIENCED 或 ORDER_TRAINING",
                            "is required: NEW_ENTRANT, UPGRADE, EXPERIENCED or ORDER_TRAINING")));
        } else if (d.kind() == PlanKind.ORDER_TRAINING && blankToNull(d.employerOrder()) == null) {
            errors.add(new FieldError(
                    "employerOrder",
                    new Words("订单培训计划须写明用人单位的订单", "an order-training plan names the employer's order")));
        }
        Map<Long, LearningUnit> byId =
                edition.tables().stream().flatMap(Plans::unitsOf).collect(Collectors.toMap(LearningUnit::id, u -> u));
        Map<Long, LearningUnit> picked = new LinkedHashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : d.unitIds() == null ? List.<Long>of() : d.unitIds()) {
            LearningUnit u = byId.get(id);
            if (u == null) {
                unknown.add(id);
            } else {
                picked.put(id, u);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(
                    "unitIds",
                    new Words(
                            "不是 " + edition.code() + " 版的学习单元：" + unknown,
                            "not units of edition " + edition.code() + ": " + unknown)));
        }
        for (String key : d.tables() == null ? List.<String>of() : d.tables()) {
            CatalogueTable table = tableOf(edition, key);
            if (table == null) {
                errors.add(new FieldError(
                        "tables",
                        new Words(
                                "“" + key + "”不是课程表，请使用 \"basic\" 或形如 \"L5/LIVE_SELLER\" 的表名",
                                "'" + key + "' is not a table; use \"basic\" or e.g. \"L5/LIVE_SELLER\"")));
            } else {
                unitsOf(table).forEach(u -> picked.put(u.id(), u));
            }
        }
        if (picked.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("unitIds", new Words("请至少选择一个学习单元或课程表", "pick at least one unit or table")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("培训计划未被接受，请更正所列字段。", "The plan was not accepted; correct the fields listed."), errors);
        }
        return picked.values().stream()
                .sorted(Comparator.comparing(LearningUnit::id))
                .toList();
    }

    private static CatalogueTable tableOf(Edition edition, String key) {
        if ("basic".equals(key)) {
            return edition.tables().stream()
                    .filter(t -> t.level() == null)
                    .findFirst()
                    .orElse(null);
        }
        String[] parts = key.split("/");
        return edition.tables().stream()
                .filter(t -> parts.length == 2
                        && t.level() != null
                        && t.level().name().equals(parts[0])
                        && t.jobType().name().equals(parts[1]))
                .findFirst()
                .orElse(null);
    }

    private static Stream<LearningUnit> unitsOf(CatalogueTable t) {
        return t.modules().stream().flatMap(m -> m.courses().stream()).flatMap(c -> c.units().stream());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
