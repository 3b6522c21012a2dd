package cn.imtp.lms.exam.control;

import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a theory paper from a blueprint (section 2.3). Pure and reproducible: the same bank, points and
 * seed give the same paper.
 *
 * <p>Each assessed course's questions sum to exactly its weight in points. The weight is shared among
 * the course's units in proportion to their class hours (largest remainder), so that every assessed
 * unit is examined and a short bank can be named unit by unit; within a unit, one of the combinations
 * of question types that make its share exactly is picked at random, then the questions of each type.
 * Questions are grouped by type on the paper (single choice, multiple choice, true/false).
 */
public final class PaperDrawer {

    /** Points per question of each type (e.g. 1, 2, 1). */
    public record Points(int singleChoice, int multipleChoice, int trueFalse) {

        public int of(QuestionType t) {
            return switch (t) {
                case SINGLE_CHOICE -> singleChoice;
                case MULTIPLE_CHOICE -> multipleChoice;
                case TRUE_FALSE -> trueFalse;
            };
        }
    }

    public record Candidate(long questionId, QuestionType type) {}

    /** A learning unit of an assessed course, its class hours and the bank's live questions on it. */
    public record UnitPool(String name, int hours, List<Candidate> candidates) {}

    /** An assessed course of the blueprint with its weight (points on the paper). */
    public record CourseSlot(
            String moduleCode,
            String moduleName,
            String courseCode,
            String courseName,
            int weight,
            List<UnitPool> units) {}

    public record Drawn(long questionId, QuestionType type, int points, CourseSlot course, String unitName) {}

    /**
     * A unit whose questions cannot make its share: {@code missing} more questions of {@code type} would
     * (0 when no number of questions can, because of the points per type). For a quiz {@code type} is
     * null: {@code missing} more questions of any type.
     */
    public record Lack(
            String courseCode,
            String courseName,
            String unitName,
            int sharePoints,
            int bankQuestions,
            int missing,
            QuestionType type,
            int typePoints) {

        /** What the unit lacks, for the teacher, in both languages. */
        public Words words() {
            String where = courseCode + " " + courseName;
            if (type == null) {
                return new Words(
                        "课程 " + where + "，单元“" + unitName + "”：出 " + (bankQuestions + missing) + " 题的练习还差 " + missing
                                + " 道题（任意题型；题库中该单元现有 " + bankQuestions + " 道）",
                        "course " + where + ", unit " + unitName + ": needs " + missing
                                + " more question(s) of any type for a quiz of " + (bankQuestions + missing)
                                + " (the bank has " + bankQuestions + " on this unit)");
            }
            if (missing == 0) {
                return new Words(
                        "课程 " + where + "，单元“" + unitName + "”：按各题型的分值凑不出该单元的 " + sharePoints + " 分，请调整各题型分值",
                        "course " + where + ", unit " + unitName + ": its share of " + sharePoints
                                + " points cannot be made of questions worth the points set per type; change the points per type");
            }
            return new Words(
                    "课程 " + where + "，单元“" + unitName + "”：还差 " + missing + " 道" + typeName(type) + "（每题 " + typePoints
                            + " 分）才能凑足该单元的 " + sharePoints + " 分（题库中该单元现有 " + bankQuestions + " 道）",
                    "course " + where + ", unit " + unitName + ": needs " + missing + " more "
                            + type.name().toLowerCase().replace('_', '-')
                            + " question(s) of " + typePoints + " point(s) to make its share of " + sharePoints
                            + " points (the bank has "
                            + bankQuestions + " on this unit)");
        }

        /** The English words, as field errors carry them. */
        public String message() {
            return words().en();
        }

        private static String typeName(QuestionType type) {
            return switch (type) {
                case SINGLE_CHOICE -> "单选题";
                case MULTIPLE_CHOICE -> "多选题";
                case TRUE_FALSE -> "判断题";
            };
        }
    }

    public record Result(List<Drawn> paper, List<Lack> lacks) {

        public boolean complete() {
            return lacks.isEmpty();
        }

        public int total() {
            return paper.stream().mapToInt(Drawn::points).sum();
        }
    }

    private static final List<QuestionType> PAPER_ORDER =
            List.of(QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE);

    private PaperDrawer() {}

    public static Result draw(List<CourseSlot> courses, Points points, long seed) {
        Random random = new Random(seed);
        Map<QuestionType, List<Drawn>> byType = new EnumMap<>(QuestionType.class);
        List<Lack> lacks = new ArrayList<>();
        for (CourseSlot course : courses) {
            int[] shares = shares(
                    course.weight(),
                    course.units().stream().mapToInt(UnitPool::hours).toArray());
            for (int u = 0; u < shares.length; u++) {
                UnitPool unit = course.units().get(u);
                Map<QuestionType, List<Candidate>> pool = new EnumMap<>(QuestionType.class);
                for (QuestionType t : QuestionType.values()) {
                    pool.put(
                            t,
                            new ArrayList<>(unit.candidates().stream()
                                    .filter(c -> c.type() == t)
                                    .sorted(Comparator.comparingLong(Candidate::questionId))
                                    .toList()));
                }
                List<int[]> combinations = combinations(shares[u], points, count(pool));
                if (combinations.isEmpty()) {
                    lacks.add(lack(course, unit, shares[u], points, count(pool)));
                    continue;
                }
                int[] pick = combinations.get(random.nextInt(combinations.size()));
                for (QuestionType t : QuestionType.values()) {
                    List<Candidate> c = pool.get(t);
                    Collections.shuffle(c, random);
                    for (int i = 0; i < pick[t.ordinal()]; i++) {
                        byType.computeIfAbsent(t, x -> new ArrayList<>())
                                .add(new Drawn(c.get(i).questionId(), t, points.of(t), course, unit.name()));
                    }
                }
            }
        }
        List<Drawn> paper = new ArrayList<>();
        PAPER_ORDER.forEach(t -> paper.addAll(byType.getOrDefault(t, List.of())));
        return new Result(lacks.isEmpty() ? paper : List.of(), lacks);
    }

    /**
     * A formative quiz: {@code count} questions drawn at random from the one unit of {@code course},
     * whatever their types, grouped by type on the paper.
     */
    public static Result quiz(CourseSlot course, int count, Points points, long seed) {
        UnitPool unit = course.units().get(0);
        List<Candidate> pool = new ArrayList<>(unit.candidates().stream()
                .sorted(Comparator.comparingLong(Candidate::questionId))
                .toList());
        if (pool.size() < count) {
            return new Result(
                    List.of(),
                    List.of(new Lack(
                            course.courseCode(),
                            course.courseName(),
                            unit.name(),
                            0,
                            pool.size(),
                            count - pool.size(),
                            null,
                            0)));
        }
        Collections.shuffle(pool, new Random(seed));
        List<Drawn> paper = new ArrayList<>();
        for (QuestionType t : PAPER_ORDER) {
            pool.subList(0, count).stream()
                    .filter(c -> c.type() == t)
                    .forEach(c -> paper.add(new Drawn(c.questionId(), t, points.of(t), course, unit.name())));
        }
        return new Result(paper, List.of());
    }

    /** {@code weight} shared in proportion to {@code hours} by largest remainder (equally when no unit has hours). */
    static int[] shares(int weight, int[] hours) {
        int n = hours.length;
        int[] share = new int[n];
        if (n == 0) {
            return share;
        }
        long total = 0;
        for (int h : hours) {
            total += Math.max(0, h);
        }
        long[] h = new long[n];
        for (int i = 0; i < n; i++) {
            h[i] = total == 0 ? 1 : Math.max(0, hours[i]);
        }
        long sum = total == 0 ? n : total;
        int given = 0;
        for (int i = 0; i < n; i++) {
            share[i] = (int) (weight * h[i] / sum);
            given += share[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.comparingLong((Integer i) -> -((weight * h[i]) % sum))
                        .thenComparingInt(i -> i));
        for (int k = 0; given < weight; k++, given++) {
            share[order[k % n]]++;
        }
        return share;
    }

    private static int[] count(Map<QuestionType, List<Candidate>> pool) {
        int[] c = new int[QuestionType.values().length];
        pool.forEach((t, l) -> c[t.ordinal()] = l.size());
        return c;
    }

    /** Every (single, multiple, true/false) count within what the bank has that makes {@code share} exactly. */
    static List<int[]> combinations(int share, Points points, int[] available) {
        List<int[]> out = new ArrayList<>();
        int ps = points.singleChoice();
        int pm = points.multipleChoice();
        int pt = points.trueFalse();
        for (int s = 0; s <= available[0] && s * ps <= share; s++) {
            for (int m = 0; m <= available[1] && s * ps + m * pm <= share; m++) {
                int rest = share - s * ps - m * pm;
                if (rest % pt == 0 && rest / pt <= available[2]) {
                    out.add(new int[] {s, m, rest / pt});
                }
            }
        }
        return out;
    }

    private static Lack lack(CourseSlot course, UnitPool unit, int share, Points points, int[] available) {
        QuestionType cheapest =
                PAPER_ORDER.stream().min(Comparator.comparingInt(points::of)).orElseThrow();
        int bank = unit.candidates().size();
        for (int more = 1; more <= share; more++) {
            int[] with = available.clone();
            with[cheapest.ordinal()] += more;
            if (!combinations(share, points, with).isEmpty()) {
                return new Lack(
                        course.courseCode(),
                        course.courseName(),
                        unit.name(),
                        share,
                        bank,
                        more,
                        cheapest,
                        points.of(cheapest));
            }
        }
        return new Lack(
                course.courseCode(), course.courseName(), unit.name(), share, bank, 0, cheapest, points.of(cheapest));
    }
}
