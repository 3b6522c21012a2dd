package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.entity.AllocationEntry;
import cn.imtp.lms.catalogue.entity.BlueprintCourseEntry;
import cn.imtp.lms.catalogue.entity.CatalogueCourse;
import cn.imtp.lms.catalogue.entity.CatalogueModule;
import cn.imtp.lms.catalogue.entity.CatalogueTable;
import cn.imtp.lms.catalogue.entity.DiscrepancyEntry;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry;
import cn.imtp.lms.catalogue.entity.RequirementEntry;
import cn.imtp.lms.catalogue.entity.TeachingMethodEntry;
import cn.imtp.lms.catalogue.entity.UnitSpecEntry;
import cn.imtp.platform.text.Words;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the catalogue API answers; {@code level} and {@code jobType} are null for the basic course and are always present. */
public final class CatalogueViews {

    private CatalogueViews() {}

    @JsonbPropertyOrder({"level", "basicHours", "skillHours", "otherHours", "totalHours"})
    public record Allocation(Level level, int basicHours, int skillHours, int otherHours, int totalHours) {
        static Allocation of(AllocationEntry a) {
            return new Allocation(a.level(), a.basicHours(), a.skillHours(), a.otherHours(), a.totalHours());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"id", "seq", "name", "hours", "seedLine"})
    public record Unit(long id, Integer seq, String name, int hours, int seedLine) {
        static Unit of(LearningUnit u) {
            return new Unit(u.id(), u.seq(), u.name(), u.hours(), u.seedLine());
        }
    }

    @JsonbPropertyOrder({"code", "name", "units"})
    public record Course(String code, String name, List<Unit> units) {
        static Course of(CatalogueCourse c) {
            return new Course(
                    c.code(), c.name(), c.units().stream().map(Unit::of).toList());
        }
    }

    @JsonbPropertyOrder({"code", "name", "courses"})
    public record Module(String code, String name, List<Course> courses) {
        static Module of(CatalogueModule m) {
            return new Module(
                    m.code(), m.name(), m.courses().stream().map(Course::of).toList());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"level", "jobType", "title", "statedTotalHours", "unitHours", "seedLines", "modules"})
    public record Table(
            Level level,
            JobType jobType,
            String title,
            int statedTotalHours,
            int unitHours,
            String seedLines,
            List<Module> modules) {
        static Table of(CatalogueTable t) {
            return new Table(
                    t.level(),
                    t.jobType(),
                    t.title(),
                    t.statedTotalHours(),
                    t.unitHours(),
                    t.seedLines(),
                    t.modules().stream().map(Module::of).toList());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"level", "jobType", "title", "statedTotalHours", "unitHours"})
    public record TableSummary(Level level, JobType jobType, String title, int statedTotalHours, int unitHours) {
        static TableSummary of(CatalogueTable t) {
            return new TableSummary(t.level(), t.jobType(), t.title(), t.statedTotalHours(), t.unitHours());
        }
    }

    @JsonbPropertyOrder({"edition", "importedAt", "hoursAllocation", "tables"})
    public record Summary(
            String edition, Instant importedAt, List<Allocation> hoursAllocation, List<TableSummary> tables) {}

    @JsonbPropertyOrder({
        "edition",
        "contentHash",
        "hoursAllocation",
        "tables",
        "assessment",
        "practicalAssessment",
        "courseSpecifications",
        "trainingRequirements"
    })
    public record Export(
            String edition,
            String contentHash,
            List<Allocation> hoursAllocation,
            List<Table> tables,
            List<Blueprint> assessment,
            List<PracticalBlueprint> practicalAssessment,
            List<Specification> courseSpecifications,
            List<Requirements> trainingRequirements) {}

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type CONTENT =
            new ArrayList<PackageData.SpecContent>() {}.getClass().getGenericSuperclass();
    private static final Type KEY_POINTS =
            new ArrayList<PackageData.KeyPoint>() {}.getClass().getGenericSuperclass();

    /**
     * A learning unit's course specification of section 2.2 (培训课程规范), with 2.2's own module, course and unit
     * names: content outline, teaching methods (split at 、), key and difficult points, class hours.
     */
    @JsonbNillable
    @JsonbPropertyOrder({
        "section",
        "level",
        "jobType",
        "moduleCode",
        "moduleName",
        "courseCode",
        "courseName",
        "seq",
        "name",
        "hours",
        "content",
        "methods",
        "keyPoints",
        "seedLine"
    })
    public record Specification(
            String section,
            Level level,
            JobType jobType,
            String moduleCode,
            String moduleName,
            String courseCode,
            String courseName,
            Integer seq,
            String name,
            int hours,
            List<PackageData.SpecContent> content,
            List<Method> methods,
            List<PackageData.KeyPoint> keyPoints,
            int seedLine) {
        static Specification of(UnitSpecEntry s, List<TeachingMethodEntry> known) {
            List<Method> methods = Arrays.stream(s.methods().split("、"))
                    .map(name -> new Method(
                            name,
                            known.stream()
                                    .filter(k -> k.name().equals(name))
                                    .findFirst()
                                    .map(TeachingMethodEntry::description)
                                    .orElse(null)))
                    .toList();
            return new Specification(
                    s.section(),
                    s.level(),
                    s.jobType(),
                    s.moduleCode(),
                    s.moduleName(),
                    s.courseCode(),
                    s.courseName(),
                    s.seq(),
                    s.name(),
                    s.hours(),
                    JSONB.fromJson(s.contentJson(), CONTENT),
                    methods,
                    JSONB.fromJson(s.keyPointsJson(), KEY_POINTS),
                    s.seedLine());
        }
    }

    private static final Type TARGETS =
            new ArrayList<PackageData.SkillTarget>() {}.getClass().getGenericSuperclass();
    private static final Type ITEMS = new ArrayList<String>() {}.getClass().getGenericSuperclass();

    /**
     * A course's training requirements of section 2.1 (培训要求): its skill targets (技能目标) with their training items
     * (培训细目), or the basic course's training items; names as 2.1 writes them.
     */
    @JsonbNillable
    @JsonbPropertyOrder({
        "section",
        "level",
        "jobType",
        "moduleCode",
        "moduleName",
        "contentCode",
        "contentName",
        "targets",
        "items",
        "seedLine"
    })
    public record Requirements(
            String section,
            Level level,
            JobType jobType,
            String moduleCode,
            String moduleName,
            String contentCode,
            String contentName,
            List<PackageData.SkillTarget> targets,
            List<String> items,
            int seedLine) {
        static Requirements of(RequirementEntry r) {
            return new Requirements(
                    r.section(),
                    r.level(),
                    r.jobType(),
                    r.moduleCode(),
                    r.moduleName(),
                    r.contentCode(),
                    r.contentName(),
                    JSONB.fromJson(r.targetsJson(), TARGETS),
                    JSONB.fromJson(r.itemsJson(), ITEMS),
                    r.seedLine());
        }
    }

    /** A teaching method as a specification names it, with section 2.2.7's explanation (null where 2.2.7 explains none by that name). */
    @JsonbNillable
    @JsonbPropertyOrder({"name", "description"})
    public record Method(String name, String description) {}

    /** A table's blueprints; {@code practical} is null for the basic course. */
    @JsonbNillable
    @JsonbPropertyOrder({"theory", "practical"})
    public record Blueprints(Blueprint theory, PracticalBlueprint practical) {}

    @JsonbPropertyOrder({"code", "name", "weight", "form", "required", "minutes", "importance"})
    public record PracticalContent(
            String code,
            String name,
            int weight,
            PracticalContentEntry.Form form,
            boolean required,
            int minutes,
            String importance) {}

    @JsonbPropertyOrder({"code", "name", "weight", "contents"})
    public record PracticalModule(String code, String name, int weight, List<PracticalContent> contents) {}

    /** A practical-exam blueprint of section 2.3: per module and content its weight (%), form, minutes and importance (X core, Y general). */
    @JsonbPropertyOrder({"section", "level", "jobType", "title", "totalMinutes", "modules"})
    public record PracticalBlueprint(
            String section,
            Level level,
            JobType jobType,
            String title,
            int totalMinutes,
            List<PracticalModule> modules) {

        static List<PracticalBlueprint> of(List<PracticalContentEntry> rows) {
            Map<String, List<PracticalContentEntry>> byTitle = new LinkedHashMap<>();
            rows.forEach(r ->
                    byTitle.computeIfAbsent(r.title(), k -> new ArrayList<>()).add(r));
            return byTitle.values().stream()
                    .map(contents -> {
                        Map<String, List<PracticalContentEntry>> byModule = new LinkedHashMap<>();
                        contents.forEach(c -> byModule.computeIfAbsent(c.moduleCode(), k -> new ArrayList<>())
                                .add(c));
                        PracticalContentEntry first = contents.get(0);
                        return new PracticalBlueprint(
                                first.section(),
                                first.level(),
                                first.jobType(),
                                first.title(),
                                contents.stream()
                                        .mapToInt(PracticalContentEntry::minutes)
                                        .sum(),
                                byModule.values().stream()
                                        .map(m -> new PracticalModule(
                                                m.get(0).moduleCode(),
                                                m.get(0).moduleName(),
                                                m.get(0).moduleWeight(),
                                                m.stream()
                                                        .map(c -> new PracticalContent(
                                                                c.contentCode(),
                                                                c.contentName(),
                                                                c.contentWeight(),
                                                                c.form(),
                                                                c.required(),
                                                                c.minutes(),
                                                                c.importance()))
                                                        .toList()))
                                        .toList());
                    })
                    .toList();
        }
    }

    @JsonbPropertyOrder({"code", "name", "weight", "units"})
    public record BlueprintCourse(String code, String name, int weight, List<String> units) {}

    @JsonbPropertyOrder({"code", "name", "weight", "courses"})
    public record BlueprintModule(String code, String name, int weight, List<BlueprintCourse> courses) {}

    /** A theory blueprint of section 2.3: weights in % of a 100-point paper. */
    @JsonbNillable
    @JsonbPropertyOrder({"section", "kind", "level", "jobType", "title", "modules"})
    public record Blueprint(
            String section, String kind, Level level, JobType jobType, String title, List<BlueprintModule> modules) {

        static List<Blueprint> of(List<BlueprintCourseEntry> rows) {
            Map<String, List<BlueprintCourseEntry>> byTitle = new LinkedHashMap<>();
            rows.forEach(r ->
                    byTitle.computeIfAbsent(r.title(), k -> new ArrayList<>()).add(r));
            return byTitle.values().stream()
                    .map(courses -> {
                        Map<String, List<BlueprintCourseEntry>> byModule = new LinkedHashMap<>();
                        courses.forEach(c -> byModule.computeIfAbsent(c.moduleCode(), k -> new ArrayList<>())
                                .add(c));
                        BlueprintCourseEntry first = courses.get(0);
                        return new Blueprint(
                                first.section(),
                                first.kind(),
                                first.level(),
                                first.jobType(),
                                first.title(),
                                byModule.values().stream()
                                        .map(m -> new BlueprintModule(
                                                m.get(0).moduleCode(),
                                                m.get(0).moduleName(),
                                                m.get(0).moduleWeight(),
                                                m.stream()
                                                        .map(c -> new BlueprintCourse(
                                                                c.courseCode(),
                                                                c.courseName(),
                                                                c.courseWeight(),
                                                                c.assessedUnits()))
                                                        .toList()))
                                        .toList());
                    })
                    .toList();
        }
    }

    /** How the theory exam weighs a unit's course; null fields when the blueprint does not assess it by that name. */
    @JsonbNillable
    @JsonbPropertyOrder({"blueprint", "moduleWeight", "courseWeight", "assessedByName"})
    public record TheoryWeight(String blueprint, Integer moduleWeight, Integer courseWeight, boolean assessedByName) {}

    @JsonbNillable
    @JsonbPropertyOrder({"section", "level", "jobType", "kind", "message", "seedLines"})
    public record Discrepancy(
            String section, Level level, JobType jobType, String kind, Words message, String seedLines) {
        static Discrepancy of(DiscrepancyEntry d) {
            return new Discrepancy(
                    d.section(),
                    d.level(),
                    d.jobType(),
                    d.kind(),
                    new Words(d.messageZh() == null ? d.message() : d.messageZh(), d.message()),
                    d.seedLines());
        }
    }

    /** How the practical exam weighs a unit's course (the content of the same code); null when it assesses none. */
    @JsonbPropertyOrder({"blueprint", "moduleWeight", "contentWeight", "form", "required", "minutes", "importance"})
    public record PracticalWeight(
            String blueprint,
            int moduleWeight,
            int contentWeight,
            PracticalContentEntry.Form form,
            boolean required,
            int minutes,
            String importance) {}

    /** A unit with where it sits: table, module and course, and how the theory and practical exams weigh its course. */
    @JsonbNillable
    @JsonbPropertyOrder({
        "id",
        "seq",
        "name",
        "hours",
        "seedLine",
        "level",
        "jobType",
        "tableTitle",
        "module",
        "course",
        "theoryWeight",
        "practicalWeight",
        "specification",
        "specificationMatch",
        "requirements"
    })
    public record UnitDetail(
            long id,
            Integer seq,
            String name,
            int hours,
            int seedLine,
            Level level,
            JobType jobType,
            String tableTitle,
            String module,
            String course,
            TheoryWeight theoryWeight,
            PracticalWeight practicalWeight,
            Specification specification,
            SpecMatch.Kind specificationMatch,
            Requirements requirements) {
        static UnitDetail of(LearningUnit u) {
            CatalogueCourse c = u.course();
            CatalogueModule m = c.module();
            CatalogueTable t = m.table();
            TheoryWeight weight = t.edition().blueprints().stream()
                    .filter(b -> b.level() == t.level()
                            && b.jobType() == t.jobType()
                            && b.courseCode().equals(c.code()))
                    .findFirst()
                    .map(b -> new TheoryWeight(
                            b.title(),
                            b.moduleWeight(),
                            b.courseWeight(),
                            b.assessedUnits().stream()
                                    .anyMatch(n ->
                                            n.replace(" ", "").equals(u.name().replace(" ", "")))))
                    .orElse(new TheoryWeight(null, null, null, false));
            PracticalWeight practical = t.edition().practicals().stream()
                    .filter(p -> p.level() == t.level()
                            && p.jobType() == t.jobType()
                            && p.contentCode().equals(c.code()))
                    .findFirst()
                    .map(p -> new PracticalWeight(
                            p.title(),
                            p.moduleWeight(),
                            p.contentWeight(),
                            p.form(),
                            p.required(),
                            p.minutes(),
                            p.importance()))
                    .orElse(null);
            List<UnitSpecEntry> specs = t.edition().specs().stream()
                    .filter(s -> s.level() == t.level()
                            && s.jobType() == t.jobType()
                            && s.courseCode().equals(c.code()))
                    .toList();
            SpecMatch.Match match = SpecMatch.match(
                            c.units().stream().map(LearningUnit::name).toList(),
                            specs.stream().map(UnitSpecEntry::name).toList())
                    .get(c.units().indexOf(u));
            return new UnitDetail(
                    u.id(),
                    u.seq(),
                    u.name(),
                    u.hours(),
                    u.seedLine(),
                    t.level(),
                    t.jobType(),
                    t.title(),
                    m.code() + " " + m.name(),
                    c.code() + " " + c.name(),
                    weight,
                    practical,
                    match == null
                            ? null
                            : Specification.of(
                                    specs.get(match.spec()), t.edition().methods()),
                    match == null ? null : match.kind(),
                    t.edition().requirements().stream()
                            .filter(r -> r.level() == t.level()
                                    && r.jobType() == t.jobType()
                                    && r.contentCode().equals(c.code()))
                            .findFirst()
                            .map(Requirements::of)
                            .orElse(null));
        }
    }
}
