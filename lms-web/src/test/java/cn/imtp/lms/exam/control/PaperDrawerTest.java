package cn.imtp.lms.exam.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.control.PackageData;
import cn.imtp.lms.questionbank.entity.QuestionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaperDrawerTest {

    static final PaperDrawer.Points POINTS = new PaperDrawer.Points(1, 2, 1);

    static final PackageData.Edition EDITION =
            PackageData.readAll(PaperDrawerTest.class.getClassLoader()).get(0);

    /** Every theory blueprint of the package as slots, each unit with {@code perType} questions of every type. */
    static List<List<PaperDrawer.CourseSlot>> everyBlueprint(int perType) {
        PackageData.Edition e = EDITION;
        List<List<PaperDrawer.CourseSlot>> out = new ArrayList<>();
        long[] ids = {1};
        for (PackageData.BlueprintFile b : e.blueprints()) {
            PackageData.TableFile table = e.tables().stream()
                    .filter(t -> t.level() == b.level() && t.jobType() == b.jobType())
                    .findFirst()
                    .orElseThrow();
            List<PaperDrawer.CourseSlot> slots = new ArrayList<>();
            for (PackageData.BlueprintModule m : b.modules()) {
                for (PackageData.BlueprintCourse c : m.courses()) {
                    PackageData.CourseData course = table.modules().stream()
                            .flatMap(x -> x.courses().stream())
                            .filter(x -> x.code().equals(c.code()))
                            .findFirst()
                            .orElseThrow();
                    List<PaperDrawer.UnitPool> units = course.units().stream()
                            .map(u -> {
                                List<PaperDrawer.Candidate> candidates = new ArrayList<>();
                                for (QuestionType t : QuestionType.values()) {
                                    for (int i = 0; i < perType; i++) {
                                        candidates.add(new PaperDrawer.Candidate(ids[0]++, t));
                                    }
                                }
                                return new PaperDrawer.UnitPool(u.name(), u.hours(), candidates);
                            })
                            .toList();
                    slots.add(new PaperDrawer.CourseSlot(m.code(), m.name(), c.code(), c.name(), c.weight(), units));
                }
            }
            out.add(slots);
        }
        return out;
    }

    @Test
    void everyBlueprintOfThePackageGetsAPaperWhoseCoursesSumExactlyToTheirWeights() {
        List<List<PaperDrawer.CourseSlot>> blueprints = everyBlueprint(12);
        assertEquals(EDITION.blueprints().size(), blueprints.size());
        assertTrue(blueprints.size() >= 15, "the basic course and the level x job type blueprints");
        for (List<PaperDrawer.CourseSlot> slots : blueprints) {
            for (long seed : new long[] {0, 1, 42, -7}) {
                PaperDrawer.Result r = PaperDrawer.draw(slots, POINTS, seed);
                assertTrue(r.complete(), () -> r.lacks().toString());
                for (PaperDrawer.CourseSlot c : slots) {
                    int sum = r.paper().stream()
                            .filter(d -> d.course() == c)
                            .mapToInt(PaperDrawer.Drawn::points)
                            .sum();
                    assertEquals(c.weight(), sum, "course " + c.courseCode());
                }
                assertEquals(
                        slots.stream().mapToInt(PaperDrawer.CourseSlot::weight).sum(), r.total());
                assertEquals(
                        r.paper().size(),
                        r.paper().stream()
                                .map(PaperDrawer.Drawn::questionId)
                                .distinct()
                                .count(),
                        "no question twice");
                for (PaperDrawer.Drawn d : r.paper()) {
                    assertEquals(POINTS.of(d.type()), d.points());
                }
            }
        }
    }

    @Test
    void thePaperIsReproducibleFromItsSeedAndDiffersBetweenSeeds() {
        List<PaperDrawer.CourseSlot> basic = everyBlueprint(12).get(0);
        List<Long> a = ids(PaperDrawer.draw(basic, POINTS, 99));
        assertEquals(a, ids(PaperDrawer.draw(basic, POINTS, 99)));
        assertNotEquals(a, ids(PaperDrawer.draw(basic, POINTS, 100)));
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            seen.addAll(ids(PaperDrawer.draw(basic, POINTS, seed)));
        }
        assertTrue(
                seen.size() > a.size() * 2,
                "twenty learners do not share one paper: " + seen.size() + " distinct questions");
    }

    @Test
    void questionsAreGroupedByTypeOnThePaper() {
        List<QuestionType> types = PaperDrawer.draw(everyBlueprint(12).get(0), POINTS, 5).paper().stream()
                .map(PaperDrawer.Drawn::type)
                .toList();
        List<QuestionType> sorted = new ArrayList<>(types);
        sorted.sort(null);
        assertEquals(sorted, types);
    }

    @Test
    void aCoursesWeightIsSharedByClassHoursAndEveryUnitIsExamined() {
        assertArrayEquals(new int[] {2, 1, 1, 1}, PaperDrawer.shares(5, new int[] {1, 1, 1, 1}));
        assertArrayEquals(new int[] {8, 16}, PaperDrawer.shares(24, new int[] {2, 4}));
        assertArrayEquals(new int[] {2, 3}, PaperDrawer.shares(5, new int[] {2, 3}));
        assertArrayEquals(new int[] {3, 3, 2}, PaperDrawer.shares(8, new int[] {0, 0, 0}));
        PaperDrawer.CourseSlot course = new PaperDrawer.CourseSlot(
                "1", "m", "1-1", "c", 6, List.of(pool("u1", 2, 10, 0, 0, 1), pool("u2", 1, 10, 0, 0, 100)));
        Map<String, Integer> byUnit = new HashMap<>();
        PaperDrawer.draw(List.of(course), POINTS, 3)
                .paper()
                .forEach(d -> byUnit.merge(d.unitName(), d.points(), Integer::sum));
        assertEquals(Map.of("u1", 4, "u2", 2), byUnit);
    }

    @Test
    void aShortBankIsNamedUnitByUnitWithHowManyQuestionsAreMissing() {
        PaperDrawer.CourseSlot course = new PaperDrawer.CourseSlot(
                "2",
                "直播营销",
                "2-1",
                "直播预演",
                6,
                List.of(pool("撰写单品直播脚本", 1, 1, 0, 1, 1), pool("单品直播预演", 1, 1, 5, 0, 100)));
        PaperDrawer.Result r = PaperDrawer.draw(List.of(course), POINTS, 1);
        assertFalse(r.complete());
        assertTrue(r.paper().isEmpty(), "no partial paper");
        assertEquals(1, r.lacks().size(), r.lacks().toString());
        PaperDrawer.Lack lack = r.lacks().get(0);
        assertEquals("撰写单品直播脚本", lack.unitName());
        assertEquals(3, lack.sharePoints());
        assertEquals(1, lack.missing(), "one single choice + one true/false make 2 of 3 points");
        assertEquals(QuestionType.SINGLE_CHOICE, lack.type());
        assertTrue(lack.message().contains("needs 1 more single-choice question(s) of 1 point(s)"), lack.message());
        assertTrue(lack.message().contains("2-1"), lack.message());
    }

    @Test
    void aShareThatThePointsPerTypeCannotMakeIsSaidSo() {
        PaperDrawer.Points even = new PaperDrawer.Points(2, 2, 2);
        PaperDrawer.CourseSlot course =
                new PaperDrawer.CourseSlot("1", "m", "1-1", "c", 3, List.of(pool("u", 1, 5, 5, 5, 1)));
        PaperDrawer.Lack lack =
                PaperDrawer.draw(List.of(course), even, 1).lacks().get(0);
        assertEquals(0, lack.missing());
        assertTrue(lack.message().contains("change the points per type"), lack.message());
    }

    @Test
    void onlyExactCombinationsWithinTheBankAreConsidered() {
        List<int[]> c = PaperDrawer.combinations(4, POINTS, new int[] {2, 1, 1});
        Set<String> found = c.stream().map(x -> x[0] + "," + x[1] + "," + x[2]).collect(Collectors.toSet());
        assertEquals(Set.of("2,1,0", "1,1,1"), found);
    }

    @Test
    void aQuizDrawsItsNumberOfQuestionsFromOneUnitOrSaysHowManyAreMissing() {
        PaperDrawer.CourseSlot unit =
                new PaperDrawer.CourseSlot("2", "直播营销", "2-1", "直播预演", 0, List.of(pool("撰写单品直播脚本", 2, 4, 3, 3, 1)));
        PaperDrawer.Result r = PaperDrawer.quiz(unit, 6, POINTS, 11);
        assertEquals(6, r.paper().size());
        assertEquals(
                6,
                r.paper().stream().map(PaperDrawer.Drawn::questionId).distinct().count());
        assertEquals(ids(r), ids(PaperDrawer.quiz(unit, 6, POINTS, 11)), "reproducible from the seed");
        PaperDrawer.Lack lack = PaperDrawer.quiz(unit, 14, POINTS, 11).lacks().get(0);
        assertEquals(4, lack.missing());
        assertTrue(lack.message().contains("needs 4 more question(s) of any type for a quiz of 14"), lack.message());
    }

    private static PaperDrawer.UnitPool pool(
            String name, int hours, int single, int multiple, int trueFalse, long firstId) {
        List<PaperDrawer.Candidate> c = new ArrayList<>();
        long id = firstId;
        for (int i = 0; i < single; i++) {
            c.add(new PaperDrawer.Candidate(id++, QuestionType.SINGLE_CHOICE));
        }
        for (int i = 0; i < multiple; i++) {
            c.add(new PaperDrawer.Candidate(id++, QuestionType.MULTIPLE_CHOICE));
        }
        for (int i = 0; i < trueFalse; i++) {
            c.add(new PaperDrawer.Candidate(id++, QuestionType.TRUE_FALSE));
        }
        return new PaperDrawer.UnitPool(name, hours, c);
    }

    private static List<Long> ids(PaperDrawer.Result r) {
        return r.paper().stream().map(PaperDrawer.Drawn::questionId).toList();
    }
}
