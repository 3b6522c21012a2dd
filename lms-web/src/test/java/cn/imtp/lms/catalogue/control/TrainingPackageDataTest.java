package cn.imtp.lms.catalogue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.control.Integrity.Discrepancy;
import cn.imtp.lms.catalogue.control.PackageData.CourseData;
import cn.imtp.lms.catalogue.control.PackageData.Edition;
import cn.imtp.lms.catalogue.control.PackageData.TableFile;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The transcribed data against the numbers the seed itself states. */
class TrainingPackageDataTest {

    static final Edition EDITION =
            PackageData.readAll(TrainingPackageDataTest.class.getClassLoader()).get(0);

    static TableFile table(Level level, JobType job) {
        return EDITION.tables().stream()
                .filter(t -> t.level() == level && t.jobType() == job)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyTableOfSection112IsPresent() {
        assertEquals(19, EDITION.tables().size());
        Map<Level, Long> perLevel = EDITION.tables().stream()
                .filter(t -> t.level() != null)
                .collect(Collectors.groupingBy(TableFile::level, Collectors.counting()));
        assertEquals(Map.of(Level.L5, 4L, Level.L4, 4L, Level.L3, 4L, Level.L2, 3L, Level.L1, 3L), perLevel);
        assertTrue(
                EDITION.tables().stream()
                        .noneMatch(t -> t.jobType() == JobType.PLATFORM_OPERATOR
                                && (t.level() == Level.L2 || t.level() == Level.L1)),
                "platform operators exist only for L5-L3");
    }

    @Test
    void theAllocationTableAsStated() {
        assertEquals(
                List.of(120, 110, 90, 80, 80),
                EDITION.allocation().rows().stream()
                        .map(PackageData.AllocationRow::totalHours)
                        .toList());
        assertEquals(
                List.of(28, 12, 8, 4, 4),
                EDITION.allocation().rows().stream()
                        .map(PackageData.AllocationRow::basicHours)
                        .toList());
        assertEquals(
                List.of(52, 58, 52, 46, 46),
                EDITION.allocation().rows().stream()
                        .map(PackageData.AllocationRow::skillHours)
                        .toList());
    }

    @Test
    void theBasicCourseHas28OneHourUnitsInSevenModules() {
        TableFile basic = table(null, null);
        assertEquals(28, basic.statedTotalHours());
        assertEquals(7, basic.modules().size());
        assertEquals(
                28,
                basic.modules().stream()
                        .flatMap(m -> m.courses().stream())
                        .mapToLong(c -> c.units().size())
                        .sum());
        assertEquals("职业认知与职业道德", basic.modules().get(0).name());
        assertEquals(
                "网络行为中参与各方的法律关系",
                basic.modules().get(6).courses().get(0).units().get(0).name());
    }

    @Test
    void everyTableAddsUpToItsStatedTotalExceptWhereTheSeedContradictsItself() {
        for (TableFile t : EDITION.tables()) {
            boolean knownContradiction = t.level() == Level.L1
                    && (t.jobType() == JobType.LIVE_SELLER || t.jobType() == JobType.VIDEO_PROMOTER);
            assertEquals(
                    knownContradiction ? t.statedTotalHours() + 2 : t.statedTotalHours(), t.unitHours(), t.title());
        }
    }

    @Test
    void spotChecksAgainstTheSeedText() {
        var unit = table(Level.L5, JobType.PRODUCT_SELECTOR)
                .modules()
                .get(0)
                .courses()
                .get(0)
                .units()
                .get(3);
        assertEquals("收集相关网络舆情风险信息的方法", unit.name());
        assertEquals(1, unit.hours());
        assertEquals(267, unit.seedLine());
        var fab = table(Level.L5, JobType.LIVE_SELLER)
                .modules()
                .get(1)
                .courses()
                .get(1)
                .units()
                .get(0);
        assertEquals("FAB 分析及卖点介绍技巧", fab.name());
        assertEquals(5, fab.hours());
    }

    @Test
    void noNameCarriesAFragmentOfAnotherCell() {
        for (TableFile t : EDITION.tables()) {
            for (var m : t.modules()) {
                assertFalse(m.name().endsWith("及") || m.name().endsWith("复"), t.title() + " module " + m.name());
                for (var c : m.courses()) {
                    for (var u : c.units()) {
                        assertFalse(u.name().matches(".*（\\d+）.*"), t.title() + " unit " + u.name());
                    }
                }
            }
        }
        var l3 = table(Level.L3, JobType.PRODUCT_SELECTOR);
        assertEquals("设备、软件和材料准备", l3.modules().get(0).courses().get(1).name());
        assertEquals("产品确定及规划", l3.modules().get(2).name());
    }

    @Test
    void everyTheoryBlueprintIsPresentAndWeighs100() {
        assertEquals(19, EDITION.blueprints().size());
        for (PackageData.BlueprintFile b : EDITION.blueprints()) {
            assertEquals(
                    100,
                    b.modules().stream()
                            .mapToInt(PackageData.BlueprintModule::weight)
                            .sum(),
                    b.title());
            for (PackageData.BlueprintModule m : b.modules()) {
                assertEquals(
                        m.weight(),
                        m.courses().stream()
                                .mapToInt(PackageData.BlueprintCourse::weight)
                                .sum(),
                        b.title() + " " + m.code());
            }
        }
        PackageData.BlueprintFile basic = EDITION.blueprints().get(0);
        assertEquals("2.3.1", basic.section());
        assertEquals(
                List.of(20, 8, 16, 21, 15, 10, 10),
                basic.modules().stream()
                        .map(PackageData.BlueprintModule::weight)
                        .toList());
    }

    @Test
    void theIntegrityReportNamesExactlyTheSeedsContradictions() {
        List<Discrepancy> found = Integrity.check(EDITION);
        Map<String, Long> kinds =
                found.stream().collect(Collectors.groupingBy(Discrepancy::kind, Collectors.counting()));
        assertEquals(
                Map.ofEntries(
                        Map.entry("TABLE_TOTAL", 2L),
                        Map.entry("NAME_MISMATCH", 84L),
                        Map.entry("PRACTICAL_MODULE_WEIGHT", 2L),
                        Map.entry("SPEC_STRUCTURE", 1L),
                        Map.entry("NUMBER_MISMATCH", 2L),
                        Map.entry("CODE_MISMATCH", 2L),
                        Map.entry("METHOD_UNDEFINED", 14L),
                        Map.entry("SPEC_TOTAL", 3L),
                        Map.entry("BLUEPRINT_UNIT_SEQUENCE", 1L),
                        Map.entry("IMPORTANCE_MISMATCH", 1L),
                        Map.entry("PAGE_BREAK_REJOINED", 2L),
                        Map.entry("LONE_CHARACTER_PLACED", 1L)),
                kinds,
                found.toString());
        assertEquals(
                15,
                found.stream()
                        .filter(d ->
                                d.kind().equals("NAME_MISMATCH") && d.section().startsWith("2.3"))
                        .count(),
                "names that the blueprints of 2.3 spell otherwise");
        assertTrue(
                found.stream()
                        .anyMatch(
                                d -> d.kind().equals("SPEC_STRUCTURE")
                                        && d.section().equals("2.2.1")
                                        && d.message()
                                                .en()
                                                .contains(
                                                        "course 3-2 has one unit '互联网营销定义、分类和职能' of 1 class hours here but 2 units")),
                found.toString());
        assertTrue(found.stream()
                .anyMatch(d -> d.kind().equals("CODE_MISMATCH")
                        && d.jobType() == JobType.PLATFORM_OPERATOR
                        && d.message().en().contains("course 2-2 is printed '2.2'")));
        assertTrue(found.stream()
                .anyMatch(d -> d.section().equals("2.2.2")
                        && d.jobType() == JobType.PLATFORM_OPERATOR
                        && d.message()
                                .en()
                                .contains(
                                        "unit 1 of course 1-3 is '常见故障解决方法' here but '解决断网、断电故障问题' in section 1.1.2")));
        assertTrue(
                found.stream()
                        .anyMatch(d -> d.section().equals("2.2.2")
                                && d.jobType() == JobType.PLATFORM_OPERATOR
                                && d.message()
                                        .zh()
                                        .contains("课程 1-3 的第 1 个学习单元在此为“常见故障解决方法”，在第 1.1.2 节中为“解决断网、断电故障问题”")),
                found.toString());
        for (Discrepancy d : found) {
            assertFalse(
                    d.message().zh().replaceAll("“[^”]*”", "").matches("(?s).*[A-Za-z'].*"),
                    "the Chinese names the seed's texts in quotes and has no English: "
                            + d.message().zh());
        }
        for (Discrepancy d :
                found.stream().filter(d -> d.kind().equals("TABLE_TOTAL")).toList()) {
            assertEquals(Level.L1, d.level());
            assertTrue(
                    d.message().en().contains("add up to 48")
                            && d.message().en().contains("states 46"),
                    d.message().en());
            assertTrue(
                    d.message().zh().contains("课堂学时之和为 48，但表中“课堂学时合计”为 46"),
                    d.message().zh());
        }
        assertTrue(found.stream()
                .anyMatch(d -> d.kind().equals("NAME_MISMATCH")
                        && d.section().equals("2.3.8")
                        && d.message().en().contains("course 1-1 is '视频制作' here but '视频创作' in section 1.1.2")));
        assertTrue(found.stream()
                .anyMatch(d -> d.message().en().contains("'制订样品（道具）搭配计划'")
                        && d.message().en().contains("制定样品（道具）搭配计划")));
        assertTrue(
                found.stream()
                        .anyMatch(d -> d.section().equals("2.3.5")
                                && d.jobType() == JobType.PLATFORM_OPERATOR
                                && d.message().en().contains("module 2 weighs 50 %, its contents 55 %")),
                found.toString());
        assertTrue(found.stream()
                .anyMatch(d -> d.section().equals("2.3.3")
                        && d.message().en().contains("module 1 is '准备工作' here but '工作准备'")));
    }

    @Test
    void everyPracticalBlueprintIsPresentWithItsWeightsFormsAndNinetyMinutes() {
        assertEquals(18, EDITION.practicals().size(), "L5–L3 for four job types, L2–L1 for three");
        for (PackageData.PracticalFile p : EDITION.practicals()) {
            assertEquals(
                    100,
                    p.modules().stream()
                            .mapToInt(PackageData.PracticalModule::weight)
                            .sum(),
                    p.title());
            assertEquals(
                    90,
                    p.modules().stream()
                            .flatMap(m -> m.contents().stream())
                            .mapToInt(PackageData.PracticalContent::minutes)
                            .sum(),
                    p.title());
            TableFile table = table(p.level(), p.jobType());
            for (PackageData.PracticalModule m : p.modules()) {
                boolean knownContradiction = p.level() == Level.L4
                        && p.jobType() == JobType.PLATFORM_OPERATOR
                        && !m.code().equals("1");
                if (!knownContradiction) {
                    assertEquals(
                            m.weight(),
                            m.contents().stream()
                                    .mapToInt(PackageData.PracticalContent::weight)
                                    .sum(),
                            p.title() + " " + m.code());
                }
                for (PackageData.PracticalContent c : m.contents()) {
                    assertTrue(
                            List.of("实操", "笔试").contains(c.form())
                                    && List.of("必考", "选考").contains(c.selection())
                                    && List.of("X", "Y").contains(c.importance()),
                            p.title() + " " + c.code());
                    assertTrue(
                            table.modules().stream()
                                    .flatMap(x -> x.courses().stream())
                                    .anyMatch(x -> x.code().equals(c.code())),
                            p.title() + ": content " + c.code() + " is a course of the same level and job type");
                    assertTrue(
                            c.name().equals(c.name().strip()) && !c.name().contains(" "),
                            "no PDF line break left in '" + c.name() + "'");
                }
            }
        }
        PackageData.PracticalFile l5Selector = EDITION.practicals().get(0);
        assertEquals(Level.L5, l5Selector.level());
        assertEquals(JobType.PRODUCT_SELECTOR, l5Selector.jobType());
        assertEquals(
                List.of("工作准备", "产品信息收集", "产品确定及规划"),
                l5Selector.modules().stream()
                        .map(PackageData.PracticalModule::name)
                        .toList(),
                "the rows printed after the next job types' headings (seed lines 15792–15812) belong to the selector");
        PackageData.PracticalContent trial =
                l5Selector.modules().get(2).contents().get(0);
        assertEquals(
                List.of("3-1", "样品试用及分析", "10", "实操", "必考", "20", "X"),
                List.of(
                        trial.code(),
                        trial.name(),
                        Integer.toString(trial.weight()),
                        trial.form(),
                        trial.selection(),
                        Integer.toString(trial.minutes()),
                        trial.importance()));
    }

    @Test
    void everyTranscribedCourseSpecificationIsCompleteAndFreeOfNeighbouringCells() {
        assertEquals(19, EDITION.specs().size(), "2.2.1 and every table of 2.2.2 to 2.2.6, as many as in 1.1.2");
        assertEquals(
                List.of(),
                Integrity.check(EDITION).stream()
                        .filter(d -> d.kind().equals("HOURS_MISMATCH")
                                || d.kind().equals("SPEC_MISSING")
                                || d.kind().equals("SPEC_EXTRA"))
                        .toList(),
                "every unit of 1.1.2 has its specification, with the same class hours");
        for (PackageData.SpecFile f : EDITION.specs()) {
            int units = 0;
            for (PackageData.SpecModule m : f.modules()) {
                for (PackageData.SpecCourse c : m.courses()) {
                    assertTrue(c.code().startsWith(m.code() + "-"), f.title() + " " + c.code());
                    for (PackageData.SpecUnit u : c.units()) {
                        units++;
                        String where =
                                f.title() + " " + c.code() + " " + u.name() + " (seed line " + u.seedLine() + ")";
                        assertTrue(
                                u.hours() > 0
                                        && !u.content().isEmpty()
                                        && !u.keyPoints().isEmpty()
                                        && !u.methods().isBlank(),
                                where);
                        assertTrue(
                                u.seedLine() >= f.seedLines().get(0)
                                                && u.seedLine() <= f.seedLines().get(1)
                                        || f.section().equals("2.2.1"),
                                where);
                        for (String method : u.methods().split("、")) {
                            assertTrue(
                                    method.endsWith("法")
                                            || method.endsWith("等")
                                            || method.equals("案例教学")
                                            || method.equals("实训（练习）")
                                            // seed line 10396 prints 讨论 without 法 (its lone 法 ends the key point)
                                            || method.equals("讨论"),
                                    where + ": '" + method + "' is a teaching method");
                        }
                        for (PackageData.SpecContent item : u.content()) {
                            assertFalse(
                                    item.text().isBlank()
                                            || item.text().matches(".*(（\\d）方法|重点与难点|重点及难点|重点：|难点：|课堂学时).*"),
                                    where + ": no cell of the advice column in '" + item.text() + "'");
                            item.points()
                                    .forEach(p ->
                                            assertTrue(p.matches("^[①-⑳].+") && !p.contains("方法："), where + ": " + p));
                        }
                    }
                }
            }
            TableFile table = table(f.level(), f.jobType());
            int catalogueUnits = table.modules().stream()
                    .flatMap(m -> m.courses().stream())
                    .mapToInt(c -> c.units().size())
                    .sum();
            assertEquals(
                    catalogueUnits - (f.level() == null ? 1 : 0),
                    units,
                    f.title() + ": as many units as 1.1.2 (the basic course's 3-2 has one unit in 2.2, two in 1.1.2)");
        }
        assertEquals(
                List.of("讲授法", "讨论法", "实训（练习）法", "演示法", "案例教学法", "情景模拟法", "辅助视频法"),
                EDITION.methods().methods().stream()
                        .map(PackageData.MethodData::name)
                        .toList(),
                "section 2.2.7");
        EDITION.methods()
                .methods()
                .forEach(m -> assertTrue(
                        m.description().startsWith(m.name()) && !m.description().contains("http"), m.name()));
        assertTrue(
                Integrity.check(EDITION).stream()
                        .anyMatch(d -> d.kind().equals("SPEC_TOTAL")
                                && d.level() == Level.L1
                                && d.jobType() == JobType.LIVE_SELLER
                                && d.message().en().contains("add up to 48")),
                "2.2.6 agrees with 1.1.2's units, not its stated 46");
        PackageData.SpecUnit laws =
                EDITION.specs().get(0).modules().get(6).courses().get(1).units().get(0);
        assertEquals(
                22,
                laws.content().size(),
                "the laws 9）–22）, printed inside the level-5 selector's table, belong to 7-2");
        assertEquals("《互联网用户公众账号信息服务管理规定》", laws.content().get(21).text());
    }

    @Test
    void everyTrainingRequirementTableHasItsContentsTargetsAndItems() {
        assertEquals(19, EDITION.requirements().size(), "2.1.1 and every table of 2.1.2 to 2.1.6");
        for (PackageData.RequirementsFile f : EDITION.requirements()) {
            TableFile table = table(f.level(), f.jobType());
            List<String> courses = table.modules().stream()
                    .flatMap(m -> m.courses().stream())
                    .map(CourseData::code)
                    .toList();
            assertEquals(
                    courses,
                    f.modules().stream()
                            .flatMap(m -> m.contents().stream())
                            .map(PackageData.RequirementContent::code)
                            .toList(),
                    f.title() + ": one training content per course of 1.1.2, in its order");
            for (PackageData.RequirementContent c :
                    f.modules().stream().flatMap(m -> m.contents().stream()).toList()) {
                String where = f.title() + " " + c.code();
                if (f.level() == null) {
                    assertTrue(
                            c.targets() == null && !c.items().isEmpty(),
                            where + ": the basic course has training items only");
                    continue;
                }
                assertTrue(c.items() == null && !c.targets().isEmpty(), where);
                for (PackageData.SkillTarget t : c.targets()) {
                    assertTrue(t.code().startsWith(c.code() + "-") && !t.items().isEmpty(), where + " " + t.code());
                    assertFalse(
                            t.text().matches(".*(（\\d）|\\d-\\d).*"), where + ": no other cell in '" + t.text() + "'");
                    t.items()
                            .forEach(i -> assertFalse(
                                    i.isBlank() || i.matches(".*(（\\d）|\\d-\\d|^\\d[.．]).*"), where + ": '" + i + "'"));
                }
            }
        }
        PackageData.RequirementContent rehearsal =
                EDITION.requirements().get(2).modules().get(1).contents().get(0);
        assertEquals("2-1 直播预演", rehearsal.code() + " " + rehearsal.name());
        assertEquals(
                List.of("2-1-1 能撰写单品直播脚本", "2-1-2 能进行单品直播预演"),
                rehearsal.targets().stream().map(t -> t.code() + " " + t.text()).toList());
        assertEquals(
                List.of("选择直播方式", "制定直播流程", "预演直播流程"),
                rehearsal.targets().get(1).items());
        assertTrue(
                Integrity.check(EDITION).stream()
                        .anyMatch(d -> d.section().equals("2.1.2")
                                && d.kind().equals("CODE_MISMATCH")
                                && d.message().en().contains("'能准备直播样品' of content 1-2 is numbered 1-2-1")),
                "the seed numbers two targets 1-2-1");
    }
}
