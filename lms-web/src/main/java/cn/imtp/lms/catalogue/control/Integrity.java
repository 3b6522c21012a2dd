package cn.imtp.lms.catalogue.control;

import cn.imtp.lms.catalogue.control.PackageData.AllocationRow;
import cn.imtp.lms.catalogue.control.PackageData.CourseData;
import cn.imtp.lms.catalogue.control.PackageData.Edition;
import cn.imtp.lms.catalogue.control.PackageData.ModuleData;
import cn.imtp.lms.catalogue.control.PackageData.TableFile;
import cn.imtp.lms.catalogue.control.PackageData.UnitData;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds where the package contradicts itself. Pure: the edition's data in, the discrepancies out, each described in
 * Chinese and in English (the reader's language picks one).
 */
public final class Integrity {

    public record Discrepancy(
            String section, Level level, JobType jobType, String kind, Words message, String seedLines) {}

    private Integrity() {}

    public static List<Discrepancy> check(Edition e) {
        List<Discrepancy> found = new ArrayList<>();
        String allocationLines = lines(e.allocation().seedLines());
        for (AllocationRow row : e.allocation().rows()) {
            int sum = row.basicHours() + row.skillHours() + row.otherHours();
            if (sum != row.totalHours()) {
                found.add(new Discrepancy(
                        "1.1.1",
                        row.level(),
                        null,
                        "ALLOCATION_TOTAL",
                        new Words(
                                row.level().chinese() + "：职业基本素质 " + row.basicHours() + " + 职业技能 " + row.skillHours()
                                        + " + 其他 " + row.otherHours() + " = " + sum + " 学时，但所列合计为 " + row.totalHours()
                                        + " 学时",
                                row.level() + ": basic " + row.basicHours() + " + skill " + row.skillHours()
                                        + " + other " + row.otherHours() + " = " + sum + ", but the stated total is "
                                        + row.totalHours()),
                        allocationLines));
            }
        }
        for (TableFile t : e.tables()) {
            String where = lines(t.seedLines());
            if (t.unitHours() != t.statedTotalHours()) {
                found.add(new Discrepancy(
                        t.section(),
                        t.level(),
                        t.jobType(),
                        "TABLE_TOTAL",
                        new Words(
                                t.title() + "：各学习单元的课堂学时之和为 " + t.unitHours() + "，但表中“课堂学时合计”为 " + t.statedTotalHours(),
                                t.title() + ": the units add up to " + t.unitHours()
                                        + " class hours, but the table states " + t.statedTotalHours() + " (课堂学时合计)"),
                        where));
            }
            Optional<AllocationRow> row = e.allocation().rows().stream()
                    .filter(r -> r.level() == (t.level() == null ? Level.L5 : t.level()))
                    .findFirst();
            if (row.isPresent()) {
                int expected =
                        t.level() == null ? row.get().basicHours() : row.get().skillHours();
                if (expected != t.statedTotalHours()) {
                    found.add(new Discrepancy(
                            t.section(),
                            t.level(),
                            t.jobType(),
                            "ALLOCATION_MISMATCH",
                            new Words(
                                    t.title() + "：课堂学时合计为 " + t.statedTotalHours() + "，但学时分配表中"
                                            + (t.level() == null
                                                    ? "五级/初级的职业基本素质培训课程"
                                                    : t.level().chinese() + "的职业技能培训课程")
                                            + "为 " + expected + " 学时",
                                    t.title() + " states " + t.statedTotalHours()
                                            + " class hours; the allocation table gives " + expected + " for "
                                            + (t.level() == null
                                                    ? "the level-5 basic course"
                                                    : t.level() + " skill courses")),
                            where + ";" + allocationLines));
                }
            }
            Set<String> names = new HashSet<>();
            for (ModuleData m : t.modules()) {
                for (CourseData c : m.courses()) {
                    if (!c.code().startsWith(m.code() + "-")) {
                        found.add(new Discrepancy(
                                t.section(),
                                t.level(),
                                t.jobType(),
                                "CODE_MISMATCH",
                                new Words(
                                        "课程 " + c.code() + " 列在模块 " + m.code() + " 之下",
                                        "course " + c.code() + " is listed under module " + m.code()),
                                where));
                    }
                    for (UnitData u : c.units()) {
                        if (!names.add(u.name())) {
                            found.add(new Discrepancy(
                                    t.section(),
                                    t.level(),
                                    t.jobType(),
                                    "DUPLICATE_UNIT",
                                    new Words(
                                            t.title() + "：学习单元" + quoted(u.name()) + "重复出现",
                                            t.title() + ": unit '" + u.name() + "' appears more than once"),
                                    Integer.toString(u.seedLine())));
                        }
                    }
                }
            }
        }
        for (PackageData.BlueprintFile b : e.blueprints()) {
            checkBlueprint(e, b, found);
        }
        for (PackageData.PracticalFile p : e.practicals()) {
            checkPractical(e, p, found);
        }
        for (PackageData.SpecFile s : e.specs()) {
            checkSpec(e, s, found);
            checkMethods(e, s, found);
        }
        for (PackageData.RequirementsFile r : e.requirements()) {
            checkRequirements(e, r, found);
        }
        checkImportance(e, found);
        for (PackageData.ProvenanceEntry p : e.provenance()) {
            found.add(placed(e, p));
        }
        return found;
    }

    /**
     * A content of the practical blueprints that several job types of one level share (same code, same name) but whose
     * importance (X core, Y general) the blueprints mark differently, once per level and content.
     */
    private static void checkImportance(Edition e, List<Discrepancy> found) {
        Map<String, List<PackageData.PracticalFile>> byContent = new LinkedHashMap<>();
        Map<String, Map<JobType, PackageData.PracticalContent>> shared = new LinkedHashMap<>();
        for (PackageData.PracticalFile p : e.practicals()) {
            for (PackageData.PracticalModule m : p.modules()) {
                for (PackageData.PracticalContent c : m.contents()) {
                    String key = p.level() + " " + c.code() + " " + c.name().replace(" ", "");
                    byContent.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                    shared.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(p.jobType(), c);
                }
            }
        }
        shared.forEach((key, contents) -> {
            Map<String, List<JobType>> byImportance = new LinkedHashMap<>();
            contents.forEach((job, c) -> byImportance
                    .computeIfAbsent(c.importance(), k -> new ArrayList<>())
                    .add(job));
            if (byImportance.size() < 2) {
                return;
            }
            PackageData.PracticalFile first = byContent.get(key).get(0);
            PackageData.PracticalContent any = contents.values().iterator().next();
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            byImportance.forEach((importance, jobs) -> {
                zh.add(String.join("、", jobs.stream().map(JobType::chinese).toList()) + "为" + quoted(importance) + "（"
                        + importanceWords(importance).zh() + "）");
                en.add(String.join(", ", jobs.stream().map(j -> j.words().en()).toList()) + ": " + importance + " ("
                        + importanceWords(importance).en() + ")");
            });
            found.add(new Discrepancy(
                    first.section(),
                    first.level(),
                    null,
                    "IMPORTANCE_MISMATCH",
                    new Words(
                            first.level().chinese() + "操作技能考核规范：考核内容 " + any.code() + quoted(any.name()) + "为 "
                                    + contents.size() + " 个工种共有，但重要程度标注不一：" + String.join("；", zh),
                            first.level().words().en() + " practical blueprints: content " + any.code() + " '"
                                    + any.name() + "' is shared by " + contents.size()
                                    + " job types, but its importance is marked differently: " + String.join("; ", en)),
                    contents.values().stream()
                            .map(c -> Integer.toString(c.seedLine()))
                            .collect(Collectors.joining(";"))));
        });
    }

    private static Words importanceWords(String importance) {
        return switch (importance) {
            case "X" -> new Words("核心要素", "core");
            case "Y" -> new Words("一般要素", "general");
            default -> new Words("未知", "unknown");
        };
    }

    /** An assessed unit that a theory blueprint's course lists twice, and units numbered out of sequence. */
    private static void checkBlueprintUnits(
            PackageData.BlueprintFile b, PackageData.BlueprintCourse c, List<Discrepancy> found) {
        Map<String, List<PackageData.BlueprintUnit>> byName = new LinkedHashMap<>();
        c.units()
                .forEach(u -> byName.computeIfAbsent(u.name().replace(" ", ""), k -> new ArrayList<>())
                        .add(u));
        byName.values().stream()
                .filter(units -> units.size() > 1)
                .forEach(units -> found.add(new Discrepancy(
                        b.section(),
                        b.level(),
                        b.jobType(),
                        "BLUEPRINT_UNIT_REPEATED",
                        new Words(
                                b.title() + "：课程 " + c.code() + " 的考核单元"
                                        + quoted(units.get(0).name()) + "出现 " + units.size() + " 次",
                                b.title() + ": course " + c.code() + " lists the assessed unit '"
                                        + units.get(0).name() + "' " + units.size() + " times"),
                        units.stream().map(u -> Integer.toString(u.seedLine())).collect(Collectors.joining(";")))));
        List<PackageData.BlueprintUnit> numbered =
                c.units().stream().filter(u -> u.seq() != null).toList();
        List<PackageData.BlueprintUnit> astray = new ArrayList<>();
        for (int i = 0; i < numbered.size(); i++) {
            if (numbered.get(i).seq() != i + 1) {
                astray.add(numbered.get(i));
            }
        }
        if (!astray.isEmpty()) {
            String printed = numbered.stream().map(u -> "（" + u.seq() + "）").collect(Collectors.joining());
            String printedEn = numbered.stream().map(u -> "(" + u.seq() + ")").collect(Collectors.joining(" "));
            PackageData.BlueprintUnit u = astray.get(0);
            int place = numbered.indexOf(u) + 1;
            found.add(new Discrepancy(
                    b.section(),
                    b.level(),
                    b.jobType(),
                    "BLUEPRINT_UNIT_SEQUENCE",
                    new Words(
                            b.title() + "：课程 " + c.code() + " 的考核单元依次编号为" + printed + "，第 " + place + " 个考核单元"
                                    + quoted(u.name()) + "编号为（" + u.seq() + "），应为（" + place + "）",
                            b.title() + ": the assessed units of course " + c.code() + " are numbered " + printedEn
                                    + "; unit " + place + " '" + u.name() + "' is numbered (" + u.seq()
                                    + "), not (" + place + ")"),
                    astray.stream().map(x -> Integer.toString(x.seedLine())).collect(Collectors.joining(";"))));
        }
    }

    /** A piece of a course specification's text that the drafting put back where the seed's layout shows it belongs. */
    private static Discrepancy placed(Edition e, PackageData.ProvenanceEntry p) {
        Optional<PackageData.SpecUnit> unit = e.specs().stream()
                .filter(s -> s.section().equals(p.section()) && s.level() == p.level() && s.jobType() == p.jobType())
                .flatMap(s -> s.modules().stream())
                .flatMap(m -> m.courses().stream())
                .filter(c -> c.code().equals(p.course()))
                .flatMap(c -> c.units().stream())
                .filter(u -> java.util.Objects.equals(u.seq(), p.seq()) && same(u.name(), p.unit()))
                .findFirst();
        String title = e.specs().stream()
                .filter(s -> s.section().equals(p.section()) && s.level() == p.level() && s.jobType() == p.jobType())
                .map(PackageData.SpecFile::title)
                .findFirst()
                .orElse(p.section());
        PackageData.KeyPoint key = unit.filter(u -> p.index() < u.keyPoints().size())
                .map(u -> u.keyPoints().get(p.index()))
                .orElseThrow(() -> new IllegalStateException("provenance.json names a key point that "
                        + p.section() + " " + p.level() + " " + p.jobType() + " " + p.course() + "(" + p.seq()
                        + ") does not have"));
        if (!key.text().endsWith(p.text())) {
            throw new IllegalStateException("provenance.json: the key point of " + p.section() + " " + p.course() + "("
                    + p.seq() + ") does not end with '" + p.text() + "'");
        }
        String label = key.label() == null ? "重点" : key.label();
        String where = title + "：课程 " + p.course() + " 的学习单元" + quoted(p.unit()) + "：";
        String whereEn = title + ": unit '" + p.unit() + "' of course " + p.course() + ": ";
        String lines =
                p.seedLines().get(0).equals(p.seedLines().get(p.seedLines().size() - 1))
                        ? Integer.toString(p.seedLines().get(0))
                        : p.seedLines().get(0) + "-"
                                + p.seedLines().get(p.seedLines().size() - 1);
        if (!List.of("PAGE_BREAK", "LONE_CHARACTER").contains(p.kind())
                || p.kind().equals("PAGE_BREAK") && (p.otherIndex() == null || p.pageHeaderLine() == null)) {
            throw new IllegalStateException("provenance.json: an entry of " + p.section() + " " + p.course() + "("
                    + p.seq() + ") has kind '" + p.kind() + "' (PAGE_BREAK needs otherIndex and pageHeaderLine;"
                    + " LONE_CHARACTER needs neither)");
        }
        if (p.kind().equals("PAGE_BREAK")) {
            String item = unit.get().content().get(p.otherIndex()).text();
            return new Discrepancy(
                    p.section(),
                    p.level(),
                    p.jobType(),
                    "PAGE_BREAK_REJOINED",
                    new Words(
                            where + quoted(p.text()) + "（第 " + lines + " 行）印在分页处的表头（第 " + p.pageHeaderLine()
                                    + " 行）之后，按行序会接在课程内容第 " + (p.otherIndex() + 1) + " 项" + quoted(item)
                                    + "之后；它是在页末被截断的" + label + "的后半部分，已接回：" + quoted(key.text()),
                            whereEn + "'" + p.text() + "' (" + (lines.contains("-") ? "lines " : "line ") + lines
                                    + ") is printed after the page header (line "
                                    + p.pageHeaderLine() + ") and by line order would continue content item "
                                    + (p.otherIndex() + 1) + " '" + item
                                    + "'; it is the rest of the key point cut at the foot of the page, joined to it: '"
                                    + key.text() + "'"),
                    p.pageHeaderLine() + ";" + lines);
        }
        String methods = unit.get().methods();
        return new Discrepancy(
                p.section(),
                p.level(),
                p.jobType(),
                "LONE_CHARACTER_PLACED",
                new Words(
                        where + "单独成行的" + quoted(p.text()) + "（第 " + lines + " 行）按行序也可接在培训方法" + quoted(methods)
                                + "之后，但它使" + label + "成为完整的" + quoted(key.text()) + "（与单元名称或课程内容一致），故归入" + label
                                + "；培训方法照原文保留为" + quoted(methods),
                        whereEn + "the lone '" + p.text() + "' (line " + lines
                                + ") could by line order end the methods '"
                                + methods + "', but it completes the key point to '" + key.text()
                                + "' (the unit's name or a content item) and is put there; the methods stay as printed, '"
                                + methods + "'"),
                lines);
    }

    /**
     * Training requirements (2.1) against the tables of 1.1.2: modules and contents named otherwise, courses without
     * requirements or requirements without a course, and skill targets numbered twice or under another content.
     */
    private static void checkRequirements(Edition e, PackageData.RequirementsFile r, List<Discrepancy> found) {
        Optional<TableFile> table = e.tables().stream()
                .filter(t -> t.level() == r.level() && t.jobType() == r.jobType())
                .findFirst();
        if (table.isEmpty()) {
            found.add(new Discrepancy(
                    r.section(),
                    r.level(),
                    r.jobType(),
                    "REQUIREMENT_EXTRA",
                    noTable(r.title()),
                    lines(r.seedLines())));
            return;
        }
        for (ModuleData m : table.get().modules()) {
            Optional<PackageData.RequirementModule> rm =
                    r.modules().stream().filter(x -> x.code().equals(m.code())).findFirst();
            if (rm.isPresent() && !same(rm.get().name(), m.name())) {
                found.add(new Discrepancy(
                        r.section(),
                        r.level(),
                        r.jobType(),
                        "NAME_MISMATCH",
                        renamed(
                                r.title(),
                                "模块 " + m.code() + " ",
                                "module " + m.code(),
                                rm.get().name(),
                                m.name()),
                        Integer.toString(rm.get().seedLine())));
            }
            for (CourseData c : m.courses()) {
                Optional<PackageData.RequirementContent> rc = r.modules().stream()
                        .flatMap(x -> x.contents().stream())
                        .filter(x -> x.code().equals(c.code()))
                        .findFirst();
                if (rc.isEmpty()) {
                    found.add(new Discrepancy(
                            r.section(),
                            r.level(),
                            r.jobType(),
                            "REQUIREMENT_MISSING",
                            new Words(
                                    r.title() + "：第 1.1.2 节的课程 " + c.code() + quoted(c.name()) + "没有培训要求",
                                    r.title() + ": course " + c.code() + " '" + c.name()
                                            + "' of section 1.1.2 has no training requirements"),
                            lines(r.seedLines())));
                } else if (!same(rc.get().name(), c.name())) {
                    found.add(new Discrepancy(
                            r.section(),
                            r.level(),
                            r.jobType(),
                            "NAME_MISMATCH",
                            renamed(
                                    r.title(),
                                    "培训内容 " + c.code() + " ",
                                    "content " + c.code(),
                                    rc.get().name(),
                                    c.name()),
                            Integer.toString(rc.get().seedLine())));
                }
            }
        }
        Set<String> courses = new HashSet<>();
        table.get().modules().forEach(m -> m.courses().forEach(c -> courses.add(c.code())));
        for (PackageData.RequirementModule m : r.modules()) {
            for (PackageData.RequirementContent c : m.contents()) {
                if (!courses.contains(c.code())) {
                    found.add(new Discrepancy(
                            r.section(),
                            r.level(),
                            r.jobType(),
                            "REQUIREMENT_EXTRA",
                            new Words(
                                    r.title() + "：培训内容 " + c.code() + quoted(c.name()) + "不在第 1.1.2 节的课程之列",
                                    r.title() + ": content " + c.code() + " '" + c.name()
                                            + "' is not a course of section 1.1.2"),
                            Integer.toString(c.seedLine())));
                }
                Set<String> codes = new HashSet<>();
                for (PackageData.SkillTarget t :
                        c.targets() == null ? List.<PackageData.SkillTarget>of() : c.targets()) {
                    if (!codes.add(t.code()) || !t.code().startsWith(c.code() + "-")) {
                        boolean twice = t.code().startsWith(c.code() + "-");
                        found.add(new Discrepancy(
                                r.section(),
                                r.level(),
                                r.jobType(),
                                "CODE_MISMATCH",
                                new Words(
                                        r.title() + "：培训内容 " + c.code() + " 的技能目标" + quoted(t.text()) + "编号为 "
                                                + t.code() + (twice ? "，与前一个技能目标相同" : ""),
                                        r.title() + ": skill target '" + t.text() + "' of content " + c.code()
                                                + " is numbered " + t.code()
                                                + (twice ? ", like the target before it" : "")),
                                Integer.toString(t.seedLine())));
                    }
                }
            }
        }
    }

    /** Teaching methods that a course specification names but section 2.2.7 does not explain, once per table and name. */
    private static void checkMethods(Edition e, PackageData.SpecFile s, List<Discrepancy> found) {
        if (e.methods() == null) {
            return;
        }
        Set<String> defined = new LinkedHashSet<>();
        e.methods().methods().forEach(m -> defined.add(m.name()));
        Map<String, List<Integer>> undefined = new LinkedHashMap<>();
        s.modules().stream()
                .flatMap(m -> m.courses().stream())
                .flatMap(c -> c.units().stream())
                .forEach(u -> {
                    for (String method : u.methods().split("、")) {
                        if (!defined.contains(method)) {
                            undefined
                                    .computeIfAbsent(method, k -> new ArrayList<>())
                                    .add(u.seedLine());
                        }
                    }
                });
        undefined.forEach((method, at) -> found.add(new Discrepancy(
                s.section(),
                s.level(),
                s.jobType(),
                "METHOD_UNDEFINED",
                new Words(
                        s.title() + "：培训方法" + quoted(method) + "（" + at.size() + " 个学习单元）不在第 2.2.7 节所说明的方法（"
                                + quotedList(List.copyOf(defined)) + "）之列",
                        s.title() + ": the teaching method '" + method + "' (" + at.size() + " unit"
                                + (at.size() == 1 ? "" : "s") + ") is not one that section 2.2.7 explains " + defined),
                at.stream().map(String::valueOf).collect(Collectors.joining(";")))));
    }

    /**
     * Course specifications (2.2) against the tables of 1.1.2: modules, courses and units named otherwise, courses
     * printed with another code, units that 2.2 merges, leaves out or adds, and class hours that differ.
     */
    private static void checkSpec(Edition e, PackageData.SpecFile s, List<Discrepancy> found) {
        Optional<TableFile> table = e.tables().stream()
                .filter(t -> t.level() == s.level() && t.jobType() == s.jobType())
                .findFirst();
        if (table.isEmpty()) {
            found.add(new Discrepancy(
                    s.section(), s.level(), s.jobType(), "SPEC_EXTRA", noTable(s.title()), lines(s.seedLines())));
            return;
        }
        int specHours = s.modules().stream()
                .flatMap(m -> m.courses().stream())
                .flatMap(c -> c.units().stream())
                .mapToInt(PackageData.SpecUnit::hours)
                .sum();
        if (specHours != table.get().statedTotalHours()) {
            found.add(new Discrepancy(
                    s.section(),
                    s.level(),
                    s.jobType(),
                    "SPEC_TOTAL",
                    new Words(
                            s.title() + "：各学习单元的课堂学时之和为 " + specHours + "，但第 1.1.2 节中该课程表的课堂学时合计为 "
                                    + table.get().statedTotalHours(),
                            s.title() + ": the units add up to " + specHours + " class hours, but section 1.1.2 states "
                                    + table.get().statedTotalHours() + " for the table"),
                    lines(s.seedLines())));
        }
        for (ModuleData m : table.get().modules()) {
            Optional<PackageData.SpecModule> sm =
                    s.modules().stream().filter(x -> x.code().equals(m.code())).findFirst();
            if (sm.isPresent() && !same(sm.get().name(), m.name())) {
                found.add(new Discrepancy(
                        s.section(),
                        s.level(),
                        s.jobType(),
                        "NAME_MISMATCH",
                        renamed(
                                s.title(),
                                "模块 " + m.code() + " ",
                                "module " + m.code(),
                                sm.get().name(),
                                m.name()),
                        lines(s.seedLines())));
            }
            for (CourseData c : m.courses()) {
                Optional<PackageData.SpecCourse> sc = s.modules().stream()
                        .flatMap(x -> x.courses().stream())
                        .filter(x -> x.code().equals(c.code()))
                        .findFirst();
                String unitLine = c.units().isEmpty()
                        ? lines(s.seedLines())
                        : Integer.toString(c.units().get(0).seedLine());
                if (sc.isEmpty()) {
                    found.add(new Discrepancy(
                            s.section(),
                            s.level(),
                            s.jobType(),
                            "SPEC_MISSING",
                            new Words(
                                    s.title() + "：第 1.1.2 节的课程 " + c.code() + quoted(c.name()) + "没有课程规范",
                                    s.title() + ": course " + c.code() + " '" + c.name()
                                            + "' of section 1.1.2 has no specification"),
                            unitLine));
                    continue;
                }
                checkSpecCourse(s, c, sc.get(), found);
            }
        }
        for (PackageData.SpecModule sm : s.modules()) {
            for (PackageData.SpecCourse sc : sm.courses()) {
                boolean known = table.get().modules().stream()
                        .flatMap(x -> x.courses().stream())
                        .anyMatch(x -> x.code().equals(sc.code()));
                if (!known) {
                    found.add(new Discrepancy(
                            s.section(),
                            s.level(),
                            s.jobType(),
                            "SPEC_EXTRA",
                            new Words(
                                    s.title() + "：课程 " + sc.code() + quoted(sc.name()) + "不在第 1.1.2 节的课程之列",
                                    s.title() + ": course " + sc.code() + " '" + sc.name()
                                            + "' is not a course of section 1.1.2"),
                            Integer.toString(sc.units().get(0).seedLine())));
                }
            }
        }
    }

    private static void checkSpecCourse(
            PackageData.SpecFile s, CourseData c, PackageData.SpecCourse sc, List<Discrepancy> found) {
        String at = Integer.toString(sc.units().get(0).seedLine());
        if (sc.codeAsPrinted() != null) {
            found.add(new Discrepancy(
                    s.section(),
                    s.level(),
                    s.jobType(),
                    "CODE_MISMATCH",
                    new Words(
                            s.title() + "：课程 " + c.code() + " 的编号印作" + quoted(sc.codeAsPrinted()),
                            s.title() + ": course " + c.code() + " is printed '" + sc.codeAsPrinted() + "'"),
                    at));
        }
        if (!same(sc.name(), c.name())) {
            found.add(new Discrepancy(
                    s.section(),
                    s.level(),
                    s.jobType(),
                    "NAME_MISMATCH",
                    renamed(s.title(), "课程 " + c.code() + " ", "course " + c.code(), sc.name(), c.name()),
                    at));
        }
        List<SpecMatch.Match> matches = SpecMatch.match(
                c.units().stream().map(UnitData::name).toList(),
                sc.units().stream().map(PackageData.SpecUnit::name).toList());
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < c.units().size(); i++) {
            UnitData u = c.units().get(i);
            SpecMatch.Match match = matches.get(i);
            if (match == null) {
                List<String> listed =
                        sc.units().stream().map(PackageData.SpecUnit::name).toList();
                found.add(new Discrepancy(
                        s.section(),
                        s.level(),
                        s.jobType(),
                        "SPEC_MISSING",
                        new Words(
                                s.title() + "：第 1.1.2 节中课程 " + c.code() + " 的学习单元" + quoted(u.name())
                                        + "没有课程规范（第 2.2 节列出的是" + quotedList(listed) + "）",
                                s.title() + ": unit '" + u.name() + "' of course " + c.code()
                                        + " in section 1.1.2 has no specification (2.2 lists " + listed + ")"),
                        Integer.toString(u.seedLine())));
                continue;
            }
            used.add(match.spec());
            PackageData.SpecUnit su = sc.units().get(match.spec());
            String both = su.seedLine() + ";" + u.seedLine();
            switch (match.kind()) {
                case SAME_PLACE ->
                    found.add(new Discrepancy(
                            s.section(),
                            s.level(),
                            s.jobType(),
                            "NAME_MISMATCH",
                            renamed(
                                    s.title(),
                                    "课程 " + c.code() + " 的第 " + (i + 1) + " 个学习单元",
                                    "unit " + (i + 1) + " of course " + c.code(),
                                    su.name(),
                                    u.name()),
                            both));
                case WHOLE_COURSE -> {
                    if (i == 0) {
                        int hours = c.units().stream().mapToInt(UnitData::hours).sum();
                        List<String> units =
                                c.units().stream().map(UnitData::name).toList();
                        found.add(new Discrepancy(
                                s.section(),
                                s.level(),
                                s.jobType(),
                                "SPEC_STRUCTURE",
                                new Words(
                                        s.title() + "：课程 " + c.code() + " 在此只有一个学习单元" + quoted(su.name()) + "（"
                                                + su.hours() + " 学时），在第 1.1.2 节中则有 "
                                                + c.units().size() + " 个学习单元：" + quotedList(units) + "，共 " + hours
                                                + " 学时",
                                        s.title() + ": course " + c.code() + " has one unit '" + su.name() + "' of "
                                                + su.hours() + " class hours here but "
                                                + c.units().size() + " units in section 1.1.2 " + units + " of "
                                                + hours + " class hours"),
                                both));
                    }
                    continue;
                }
                default -> {}
            }
            if (su.hours() != u.hours()) {
                found.add(new Discrepancy(
                        s.section(),
                        s.level(),
                        s.jobType(),
                        "HOURS_MISMATCH",
                        new Words(
                                s.title() + "：课程 " + c.code() + " 的学习单元" + quoted(su.name()) + "在此为 " + su.hours()
                                        + " 学时，在第 1.1.2 节中为 " + u.hours() + " 学时",
                                s.title() + ": unit '" + su.name() + "' of course " + c.code() + " has " + su.hours()
                                        + " class hours here but " + u.hours() + " in section 1.1.2"),
                        both));
            }
            if (su.seq() != null && u.seq() != null && !su.seq().equals(u.seq())) {
                found.add(new Discrepancy(
                        s.section(),
                        s.level(),
                        s.jobType(),
                        "NUMBER_MISMATCH",
                        new Words(
                                s.title() + "：课程 " + c.code() + " 的学习单元" + quoted(su.name()) + "在此编号为（" + su.seq()
                                        + "），在第 1.1.2 节中为（" + u.seq() + "）",
                                s.title() + ": unit '" + su.name() + "' of course " + c.code() + " is numbered ("
                                        + su.seq() + ") here but (" + u.seq() + ") in section 1.1.2"),
                        both));
            }
        }
        for (int j = 0; j < sc.units().size(); j++) {
            if (!used.contains(j)) {
                PackageData.SpecUnit su = sc.units().get(j);
                found.add(new Discrepancy(
                        s.section(),
                        s.level(),
                        s.jobType(),
                        "SPEC_EXTRA",
                        new Words(
                                s.title() + "：课程 " + c.code() + " 的学习单元" + quoted(su.name()) + "在第 1.1.2 节中不属于该课程",
                                s.title() + ": unit '" + su.name() + "' of course " + c.code()
                                        + " is not a unit of that course in section 1.1.2"),
                        Integer.toString(su.seedLine())));
            }
        }
    }

    /** Practical blueprints: weights that do not add up, and contents named otherwise than the courses of 1.1.2. */
    private static void checkPractical(Edition e, PackageData.PracticalFile p, List<Discrepancy> found) {
        int total = p.modules().stream()
                .mapToInt(PackageData.PracticalModule::weight)
                .sum();
        if (total != 100) {
            found.add(new Discrepancy(
                    p.section(),
                    p.level(),
                    p.jobType(),
                    "PRACTICAL_TOTAL",
                    weights(p.title(), total),
                    lines(p.seedLines())));
        }
        Optional<TableFile> table = e.tables().stream()
                .filter(t -> t.level() == p.level() && t.jobType() == p.jobType())
                .findFirst();
        for (PackageData.PracticalModule m : p.modules()) {
            int contents = m.contents().stream()
                    .mapToInt(PackageData.PracticalContent::weight)
                    .sum();
            if (contents != m.weight()) {
                found.add(new Discrepancy(
                        p.section(),
                        p.level(),
                        p.jobType(),
                        "PRACTICAL_MODULE_WEIGHT",
                        new Words(
                                p.title() + "：模块 " + m.code() + " 的权重为 " + m.weight() + "%，其各项考核内容合计 " + contents + "%",
                                p.title() + ": module " + m.code() + " weighs " + m.weight() + " %, its contents "
                                        + contents + " %"),
                        Integer.toString(m.seedLine())));
            }
            Optional<ModuleData> module = table.flatMap(t ->
                    t.modules().stream().filter(x -> x.code().equals(m.code())).findFirst());
            if (module.isPresent() && !same(module.get().name(), m.name())) {
                found.add(new Discrepancy(
                        p.section(),
                        p.level(),
                        p.jobType(),
                        "NAME_MISMATCH",
                        renamed(
                                p.title(),
                                "模块 " + m.code() + " ",
                                "module " + m.code(),
                                m.name(),
                                module.get().name()),
                        Integer.toString(m.seedLine())));
            }
            for (PackageData.PracticalContent c : m.contents()) {
                Optional<CourseData> course = table.flatMap(t -> t.modules().stream()
                        .flatMap(x -> x.courses().stream())
                        .filter(x -> x.code().equals(c.code()))
                        .findFirst());
                if (course.isEmpty() || !same(course.get().name(), c.name())) {
                    found.add(new Discrepancy(
                            p.section(),
                            p.level(),
                            p.jobType(),
                            "NAME_MISMATCH",
                            course.isPresent()
                                    ? renamed(
                                            p.title(),
                                            "考核内容 " + c.code() + " ",
                                            "content " + c.code(),
                                            c.name(),
                                            course.get().name())
                                    : new Words(
                                            p.title() + "：考核内容 " + c.code() + " 在此为" + quoted(c.name())
                                                    + "，但第 1.1.2 节中没有该编号的课程",
                                            p.title() + ": content " + c.code() + " is '" + c.name()
                                                    + "' here but no course of that code in section 1.1.2"),
                            Integer.toString(c.seedLine())));
                }
            }
        }
    }

    /** Weights that do not add up, and names that section 2.3 spells differently from section 1.1.2. */
    private static void checkBlueprint(Edition e, PackageData.BlueprintFile b, List<Discrepancy> found) {
        String where = lines(b.seedLines());
        int total = b.modules().stream()
                .mapToInt(PackageData.BlueprintModule::weight)
                .sum();
        if (total != 100) {
            found.add(new Discrepancy(
                    b.section(), b.level(), b.jobType(), "BLUEPRINT_TOTAL", weights(b.title(), total), where));
        }
        Optional<TableFile> table = e.tables().stream()
                .filter(t -> t.level() == b.level() && t.jobType() == b.jobType())
                .findFirst();
        for (PackageData.BlueprintModule m : b.modules()) {
            int courses = m.courses().stream()
                    .mapToInt(PackageData.BlueprintCourse::weight)
                    .sum();
            if (courses != m.weight()) {
                found.add(new Discrepancy(
                        b.section(),
                        b.level(),
                        b.jobType(),
                        "BLUEPRINT_MODULE_WEIGHT",
                        new Words(
                                b.title() + "：模块 " + m.code() + " 的权重为 " + m.weight() + "%，其各课程合计 " + courses + "%",
                                b.title() + ": module " + m.code() + " weighs " + m.weight() + " %, its courses "
                                        + courses + " %"),
                        Integer.toString(m.seedLine())));
            }
            Optional<ModuleData> catalogueModule = table.flatMap(t ->
                    t.modules().stream().filter(x -> x.code().equals(m.code())).findFirst());
            if (catalogueModule.isPresent() && !same(catalogueModule.get().name(), m.name())) {
                found.add(new Discrepancy(
                        b.section(),
                        b.level(),
                        b.jobType(),
                        "NAME_MISMATCH",
                        renamed(
                                b.title(),
                                "模块 " + m.code() + " ",
                                "module " + m.code(),
                                m.name(),
                                catalogueModule.get().name()),
                        Integer.toString(m.seedLine())));
            }
            for (PackageData.BlueprintCourse c : m.courses()) {
                checkBlueprintUnits(b, c, found);
                Optional<CourseData> course = catalogueModule.flatMap(x -> x.courses().stream()
                        .filter(y -> y.code().equals(c.code()))
                        .findFirst());
                if (course.isEmpty()) {
                    found.add(new Discrepancy(
                            b.section(),
                            b.level(),
                            b.jobType(),
                            "NAME_MISMATCH",
                            new Words(
                                    b.title() + "：课程 " + c.code() + quoted(c.name()) + "在第 1.1.2 节中没有同编号的课程",
                                    b.title() + ": course " + c.code() + " '" + c.name()
                                            + "' has no course of that code in section 1.1.2"),
                            Integer.toString(c.seedLine())));
                    continue;
                }
                if (!same(course.get().name(), c.name())) {
                    found.add(new Discrepancy(
                            b.section(),
                            b.level(),
                            b.jobType(),
                            "NAME_MISMATCH",
                            renamed(
                                    b.title(),
                                    "课程 " + c.code() + " ",
                                    "course " + c.code(),
                                    c.name(),
                                    course.get().name()),
                            Integer.toString(c.seedLine())));
                }
                for (PackageData.BlueprintUnit u : c.units()) {
                    if (course.get().units().stream().noneMatch(x -> same(x.name(), u.name()))) {
                        List<String> units = course.get().units().stream()
                                .map(UnitData::name)
                                .toList();
                        found.add(new Discrepancy(
                                b.section(),
                                b.level(),
                                b.jobType(),
                                "NAME_MISMATCH",
                                new Words(
                                        b.title() + "：课程 " + c.code() + " 的考核单元" + quoted(u.name())
                                                + "在第 1.1.2 节中不属于该课程（该课程的学习单元为" + quotedList(units) + "）",
                                        b.title() + ": assessed unit '" + u.name() + "' of course " + c.code()
                                                + " is not a unit of that course in section 1.1.2 (" + units + ")"),
                                Integer.toString(u.seedLine())));
                    }
                }
            }
        }
    }

    /** A module, content, course or unit that this section names otherwise than section 1.1.2. */
    private static Words renamed(String title, String zhWhat, String enWhat, String here, String there) {
        return new Words(
                title + "：" + zhWhat + "在此为" + quoted(here) + "，在第 1.1.2 节中为" + quoted(there),
                title + ": " + enWhat + " is '" + here + "' here but '" + there + "' in section 1.1.2");
    }

    private static Words noTable(String title) {
        return new Words(
                title + "：第 1.1.2 节中没有同一等级、同一工种的课程表",
                title + " has no table of the same level and job type in section 1.1.2");
    }

    private static Words weights(String title, int total) {
        return new Words(
                title + "：各模块权重之和为 " + total + "%，而非 100%",
                title + ": the module weights add up to " + total + " %, not 100 %");
    }

    private static String quoted(String name) {
        return "“" + name + "”";
    }

    private static String quotedList(List<String> names) {
        return String.join("、", names.stream().map(Integrity::quoted).toList());
    }

    /** Names compare without the spaces the PDF extraction may add or drop. */
    public static boolean same(String a, String b) {
        return a.replace(" ", "").equals(b.replace(" ", ""));
    }

    private static String lines(List<Integer> seedLines) {
        return seedLines.size() == 2 ? seedLines.get(0) + "-" + seedLines.get(1) : seedLines.toString();
    }
}
