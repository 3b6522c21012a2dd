package cn.imtp.lms.attendance.control;

import java.util.BitSet;

/** Seconds of a video's timeline written as spans, "12-27,30-31" (from inclusive, to exclusive), and read back (pure). */
public final class Spans {

    private Spans() {}

    public static String format(BitSet seconds) {
        StringBuilder out = new StringBuilder();
        for (int from = seconds.nextSetBit(0); from >= 0; from = seconds.nextSetBit(seconds.nextClearBit(from))) {
            int to = seconds.nextClearBit(from);
            out.append(out.isEmpty() ? "" : ",").append(from).append('-').append(to);
        }
        return out.toString();
    }

    public static BitSet parse(String spans) {
        BitSet seconds = new BitSet();
        if (spans == null || spans.isBlank()) {
            return seconds;
        }
        for (String span : spans.split(",")) {
            String[] ends = span.trim().split("-", 2);
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[1]);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("not a span of seconds: " + span);
            }
            seconds.set(from, to);
        }
        return seconds;
    }
}
