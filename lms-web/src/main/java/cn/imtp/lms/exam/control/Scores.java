package cn.imtp.lms.exam.control;

import cn.imtp.platform.text.Words;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A theory exam's score as its pass mark reads it: on the hundred-point scale (百分制), with the paper's own points
 * beside it when the paper is not out of 100 — as the pages show it ({@code score()} of {@code shared/i18n.js}).
 */
public final class Scores {

    private Scores() {}

    /**
     * {@code points} of {@code max} on a scale of 100, at most one decimal, rounded down (a score just short of the pass
     * mark never reads as the pass mark): 5 of 8 → "62.5", 6 of 10 → "60", 2 of 3 → "66.6".
     */
    public static String onHundred(int points, int max) {
        if (max <= 0) {
            return "0";
        }
        return BigDecimal.valueOf(points * 100L)
                .divide(BigDecimal.valueOf(max), 1, RoundingMode.DOWN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** "60 / 100（6 / 10 分）", or "82 / 100" for a paper out of 100. */
    public static Words shown(int points, int max) {
        String scaled = onHundred(points, max) + " / 100";
        return max == 100
                ? new Words(scaled, scaled)
                : new Words(
                        scaled + "（" + points + " / " + max + " 分）",
                        scaled + " (" + points + " of " + max + " points)");
    }

    /** The same in a form for stored facts read in either language: "60/100 (6/10)". */
    public static String compact(int points, int max) {
        return onHundred(points, max) + "/100" + (max == 100 ? "" : " (" + points + "/" + max + ")");
    }
}
