package cn.imtp.lms.catalogue.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.control.Integrity.Discrepancy;
import cn.imtp.lms.catalogue.control.PackageData.BlueprintCourse;
import cn.imtp.lms.catalogue.control.PackageData.BlueprintFile;
import cn.imtp.lms.catalogue.control.PackageData.BlueprintModule;
import cn.imtp.lms.catalogue.control.PackageData.BlueprintUnit;
import cn.imtp.lms.catalogue.control.PackageData.Edition;
import cn.imtp.lms.catalogue.control.PackageData.PracticalContent;
import cn.imtp.lms.catalogue.control.PackageData.PracticalFile;
import cn.imtp.lms.catalogue.control.PackageData.PracticalModule;
import cn.imtp.lms.catalogue.control.PackageData.SpecUnit;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the import puts elsewhere than the PDF extraction's line order (page breaks, lone characters), checked against
 * the seed's own lines, and the integrity checks of the blueprints on crafted input and on the seed.
 */
class ImportCorrectionsTest {

    static final Edition EDITION = TrainingPackageDataTest.EDITION;

    /** The repository's copy of the seed (tools/transcription), line 1 at index 1. */
    static final List<String> SEED = seed();

    static List<String> seed() {
        try {
            List<String> lines = new ArrayList<>();
            lines.add(null);
            lines.addAll(Files.readAllLines(
                    Path.of("..", "tools", "transcription", "seed-000_69a11254becfc026.txt"), StandardCharsets.UTF_8));
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seed lines joined as the drafting cleans them (the extraction's spaces between Chinese characters dropped). */
    static String seed(int... numbers) {
        return IntStream.of(numbers)
                .mapToObj(n -> SEED.get(n).strip().replaceAll("(?<=[^\\x00-\\x7f]) | (?=[^\\x00-\\x7f])", ""))
                .collect(Collectors.joining());
    }

    static String afterColon(String s) {
        return s.substring(s.indexOf('：') + 1);
    }

    static SpecUnit spec(String section, Level level, JobType job, String course, int seq) {
        return EDITION.specs().stream()
                .filter(s -> s.section().equals(section) && s.level() == level && s.jobType() == job)
                .flatMap(s -> s.modules().stream())
                .flatMap(m -> m.courses().stream())
                .filter(c -> c.code().equals(course))
                .flatMap(c -> c.units().stream())
                .filter(u -> u.seq() == seq)
                .findFirst()
                .orElseThrow();
    }

    static List<String> content(SpecUnit u) {
        return u.content().stream().map(PackageData.SpecContent::text).toList();
    }

    static List<Discrepancy> ofKind(List<Discrepancy> found, String kind) {
        return found.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    @Test
    void aKeyPointCutByAPageBreakIsRejoinedAndTheContentItemKeepsItsOwnText() {
        assertEquals("点：视频创推团", SEED.get(13435));
        assertTrue(SEED.get(13441).contains("模块 课程 学习单元 课程内容 培训建议"), "the page header");
        SpecUnit video = spec("2.2.5", Level.L2, JobType.VIDEO_PROMOTER, "2-1", 1);
        assertEquals(
                afterColon(seed(13435)) + seed(13446, 13448),
                video.keyPoints().get(0).text());
        assertEquals("视频创推团队考核的核心指标", video.keyPoints().get(0).text());
        assertEquals("重点与难点", video.keyPoints().get(0).label());
        assertEquals(
                List.of(
                        seed(13426).substring(2),
                        seed(13438, 13440).substring(2),
                        seed(13450, 13452).substring(2)),
                content(video));
        assertEquals(List.of("团队考核标准设计方法概论", "视频创推团队的工作目标和任务", "视频创推团队考核的核心指标"), content(video));

        assertTrue(SEED.get(14007).contains("模块 课程 学习单元 课程内容 培训建议"), "the page header");
        SpecUnit selector = spec("2.2.6", Level.L1, JobType.PRODUCT_SELECTOR, "2-2", 2);
        assertEquals(
                afterColon(seed(13999)) + seed(14012),
                selector.keyPoints().get(0).text());
        assertEquals("制定团队管理的规章制度", selector.keyPoints().get(0).text());
        assertEquals(seed(14006).substring(2), selector.content().get(2).text());
        assertEquals(
                List.of("团队管理规范制定方法概述", "把团队的核心价值观具体量化为团队管理的主要指标", "分级细化团队管理指标", "制定团队管理的规章制度", "打造高效团队的方法"),
                content(selector));
    }

    @Test
    void aLoneCharacterCompletesTheKeyPointAndTheMethodsStayAsPrinted() {
        assertEquals("法", SEED.get(10404).strip());
        SpecUnit unit = spec("2.2.4", Level.L3, JobType.PRODUCT_SELECTOR, "1-2", 1);
        assertEquals(
                afterColon(seed(10400)) + seed(10402, 10404),
                unit.keyPoints().get(0).text());
        assertEquals("出入库管理制度的建立办法", unit.keyPoints().get(0).text());
        assertEquals(afterColon(seed(10394)) + seed(10396), unit.methods());
        assertEquals("讲授法、讨论", unit.methods());
        assertTrue(
                Integrity.check(EDITION).stream()
                        .anyMatch(d -> d.kind().equals("METHOD_UNDEFINED")
                                && d.level() == Level.L3
                                && d.jobType() == JobType.PRODUCT_SELECTOR
                                && d.message().zh().contains("培训方法“讨论”")
                                && d.seedLines().equals("10376")),
                "the methods printed without 法 are reported like the others");
    }

    @Test
    void everyPlacementIsInTheIntegrityReportWithItsSeedLines() {
        List<Discrepancy> found = Integrity.check(EDITION);
        List<Discrepancy> rejoined = ofKind(found, "PAGE_BREAK_REJOINED");
        assertEquals(
                List.of("13441;13446-13448", "14007;14012"),
                rejoined.stream().map(Discrepancy::seedLines).toList());
        assertEquals(
                List.of("2.2.5", "2.2.6"),
                rejoined.stream().map(Discrepancy::section).toList());
        assertTrue(
                rejoined.get(0).message().zh().contains("“队考核的核心指标”（第 13446-13448 行）印在分页处的表头（第 13441 行）之后")
                        && rejoined.get(0).message().zh().contains("已接回：“视频创推团队考核的核心指标”"),
                rejoined.get(0).message().zh());
        assertTrue(
                rejoined.get(1).message().en().contains("would continue content item 3 '分级细化团队管理指标'"),
                rejoined.get(1).message().en());
        List<Discrepancy> lone = ofKind(found, "LONE_CHARACTER_PLACED");
        assertEquals(1, lone.size());
        assertEquals("10404", lone.get(0).seedLines());
        assertTrue(lone.get(0).message().en().contains("the methods stay as printed, '讲授法、讨论'"));
        assertEquals(3, EDITION.provenance().size());
    }

    @Test
    void section113IsTheSeedsTextSentenceForSentenceNothingMissingNothingMoved() {
        PackageData.CourseSelectionFile s = EDITION.courseSelection();
        List<String> texts = new ArrayList<>();
        texts.add(s.basicCourse().text());
        texts.add(s.skillCourses().text());
        s.kinds().forEach(k -> texts.add(k.text()));
        String section = seed(IntStream.rangeClosed(1359, 1377)
                .filter(n -> !SEED.get(n).isBlank())
                .toArray());
        assertEquals(section, String.join("", texts));
        assertEquals(1359, s.skillCourses().seedLine());
        assertEquals(
                "各级别职业技能培训课程由培训机构教师根据培训学员实际情况，遵循高级别涵盖低级别的原则进行选择。",
                s.skillCourses().text());
        assertEquals(
                seed(1363, 1365).substring(0, seed(1363, 1365).indexOf("，有职业技能") + 1),
                s.ruleFor("NEW_ENTRANT").text());
        assertTrue(s.ruleFor("NEW_ENTRANT").text().endsWith("全部内容，"), "the seed's comma, not a full stop");
        assertEquals(
                "有职业技能等级提升需求的培训学员，可按照国家职业技能标准的“鉴定要求”，对照自身需求选择更高等级的培训课程。",
                s.ruleFor("UPGRADE").text());
        assertTrue(s.ruleFor("ORDER_TRAINING").text().startsWith("培训教师可以根据以上方法对培训学员进行单独指导。"));
        for (PackageData.PlanKindRule k : s.kinds()) {
            assertTrue(
                    seed(k.seedLine()).contains(k.text().substring(0, 8)),
                    k.kind() + " begins at line " + k.seedLine());
        }
        assertTrue(seed(s.skillCourses().seedLine())
                .contains(s.skillCourses().text().substring(0, 8)));
    }

    // --- the blueprint checks on crafted input

    static Edition withBlueprints(List<BlueprintFile> blueprints, List<PracticalFile> practicals) {
        return new Edition(
                "t",
                "t",
                "t",
                "t",
                new PackageData.AllocationFile("1.1.1", "t", List.of(1, 2), List.of()),
                List.of(),
                blueprints,
                practicals,
                List.of(),
                null,
                List.of(),
                null,
                null,
                List.of());
    }

    static BlueprintFile theory(BlueprintUnit... units) {
        return new BlueprintFile(
                "2.3.8",
                "THEORY",
                Level.L2,
                JobType.PRODUCT_SELECTOR,
                "理论知识考核规范",
                List.of(1, 9),
                List.of(new BlueprintModule(
                        "1", "产品确定及规划", 100, 1, List.of(new BlueprintCourse("1-1", "产品分析", 100, 2, List.of(units))))));
    }

    static PracticalFile practical(JobType job, String name, String importance) {
        return new PracticalFile(
                "2.3.3",
                "PRACTICAL",
                Level.L5,
                job,
                "操作技能考核规范 " + job,
                List.of(1, 9),
                List.of(new PracticalModule(
                        "1",
                        "工作准备",
                        100,
                        3,
                        List.of(new PracticalContent(
                                "1-3", name, 100, "实操", "必考", 90, importance, 100 + job.ordinal())))));
    }

    @Test
    void aUnitListedTwiceInOneCourseIsReportedOnce() {
        List<Discrepancy> found = Integrity.check(withBlueprints(
                List.of(theory(
                        new BlueprintUnit(1, "产品检验流程知识", 11),
                        new BlueprintUnit(2, "产品跟踪方法", 12),
                        new BlueprintUnit(3, "产品检验 流程知识", 13))),
                List.of()));
        List<Discrepancy> repeated = ofKind(found, "BLUEPRINT_UNIT_REPEATED");
        assertEquals(1, repeated.size(), found.toString());
        assertEquals("11;13", repeated.get(0).seedLines());
        assertEquals(
                "理论知识考核规范：课程 1-1 的考核单元“产品检验流程知识”出现 2 次",
                repeated.get(0).message().zh());
        assertTrue(repeated.get(0).message().en().contains("lists the assessed unit '产品检验流程知识' 2 times"));
        assertEquals(List.of(), ofKind(found, "BLUEPRINT_UNIT_SEQUENCE"), "(1) (2) (3) is in sequence");
    }

    @Test
    void distinctUnitsInSequenceAreNotReported() {
        List<Discrepancy> found = Integrity.check(withBlueprints(
                List.of(
                        theory(
                                new BlueprintUnit(1, "产品检验流程知识", 11),
                                new BlueprintUnit(2, "产品跟踪方法", 12),
                                new BlueprintUnit(3, "产品转化率分析方法", 13)),
                        theory(new BlueprintUnit(null, "网络行为中参与各方的法律关系", 20))),
                List.of(
                        practical(JobType.LIVE_SELLER, "风险评估", "X"),
                        practical(JobType.VIDEO_PROMOTER, "风险评估", "X"),
                        practical(JobType.PLATFORM_OPERATOR, "风险 评估", "X"))));
        assertEquals(
                List.of(),
                found.stream()
                        .filter(d -> List.of(
                                        "BLUEPRINT_UNIT_REPEATED", "BLUEPRINT_UNIT_SEQUENCE", "IMPORTANCE_MISMATCH")
                                .contains(d.kind()))
                        .toList());
    }

    @Test
    void unitNumbersOutOfSequenceAreReportedOncePerCourse() {
        List<Discrepancy> found = Integrity.check(withBlueprints(
                List.of(theory(
                        new BlueprintUnit(1, "产品检验流程知识", 11),
                        new BlueprintUnit(2, "产品跟踪方法", 12),
                        new BlueprintUnit(3, "产品转化率分析方法", 13),
                        new BlueprintUnit(1, "制定网络舆情风险解决方案", 14))),
                List.of()));
        List<Discrepancy> sequence = ofKind(found, "BLUEPRINT_UNIT_SEQUENCE");
        assertEquals(1, sequence.size(), found.toString());
        assertEquals("14", sequence.get(0).seedLines());
        assertEquals(
                "理论知识考核规范：课程 1-1 的考核单元依次编号为（1）（2）（3）（1），第 4 个考核单元“制定网络舆情风险解决方案”编号为（1），应为（4）",
                sequence.get(0).message().zh());
        assertTrue(sequence.get(0).message().en().contains("are numbered (1) (2) (3) (1)"));
        assertEquals(List.of(), ofKind(found, "BLUEPRINT_UNIT_REPEATED"));
    }

    @Test
    void aSharedContentMarkedXForOneJobTypeAndYForAnotherIsReported() {
        List<Discrepancy> found = Integrity.check(withBlueprints(
                List.of(),
                List.of(
                        practical(JobType.PRODUCT_SELECTOR, "风险评估", "Y"),
                        practical(JobType.VIDEO_PROMOTER, "风险评估", "X"),
                        practical(JobType.LIVE_SELLER, "直播预演", "Y"))));
        List<Discrepancy> importance = ofKind(found, "IMPORTANCE_MISMATCH");
        assertEquals(1, importance.size(), found.toString());
        Discrepancy d = importance.get(0);
        assertEquals(Level.L5, d.level());
        assertEquals(null, d.jobType());
        assertEquals("100;102", d.seedLines());
        assertEquals(
                "五级/初级操作技能考核规范：考核内容 1-3“风险评估”为 2 个工种共有，但重要程度标注不一：选品员为“Y”（一般要素）；视频创推员为“X”（核心要素）",
                d.message().zh());
        assertTrue(d.message().en().contains("product selector: Y (general); video promoter: X (core)"));
    }

    @Test
    void whatTheSeedYields() {
        List<Discrepancy> found = Integrity.check(EDITION);
        assertEquals(List.of(), ofKind(found, "BLUEPRINT_UNIT_REPEATED"));
        List<Discrepancy> sequence = ofKind(found, "BLUEPRINT_UNIT_SEQUENCE");
        assertEquals(1, sequence.size());
        assertEquals(
                List.of("2.3.8", "17154"),
                List.of(sequence.get(0).section(), sequence.get(0).seedLines()));
        assertEquals("（1）制定网络舆情风险解决方案", SEED.get(17154).strip());
        List<Discrepancy> importance = ofKind(found, "IMPORTANCE_MISMATCH");
        assertEquals(1, importance.size());
        assertEquals("15730;15776;15857;15915", importance.get(0).seedLines());
        assertTrue(importance.get(0).message().zh().contains("选品员、直播销售员为“Y”（一般要素）；视频创推员、平台管理员为“X”（核心要素）"));
        assertEquals(115, found.size(), "109 before, plus 3 placements, 讨论 without 法, one sequence, one importance");
    }
}
