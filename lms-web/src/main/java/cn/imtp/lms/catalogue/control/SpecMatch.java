package cn.imtp.lms.catalogue.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Which unit of a course specification (section 2.2) describes a learning unit of section 1.1.2, within one course
 * code. Pure. 2.2 mostly lists the same units as 1.1.2, sometimes spelled otherwise, and sometimes one unit where
 * 1.1.2 has several.
 */
public final class SpecMatch {

    /** SAME_NAME: named alike; SAME_PLACE: named otherwise at the same place of a course of as many units; WHOLE_COURSE: 2.2's only unit of the course. */
    public enum Kind {
        SAME_NAME,
        SAME_PLACE,
        WHOLE_COURSE
    }

    /** {@code spec} is the index among the course's units in 2.2. */
    public record Match(int spec, Kind kind) {}

    private SpecMatch() {}

    /** For each of the course's units in 1.1.2, in order, its match among 2.2's units of the course, or null when none describes it. */
    public static List<Match> match(List<String> catalogueUnits, List<String> specUnits) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < catalogueUnits.size(); i++) {
            String name = catalogueUnits.get(i);
            int byName = -1;
            for (int j = 0; j < specUnits.size() && byName < 0; j++) {
                if (Integrity.same(name, specUnits.get(j))) {
                    byName = j;
                }
            }
            if (byName >= 0) {
                matches.add(new Match(byName, Kind.SAME_NAME));
            } else if (catalogueUnits.size() == specUnits.size()) {
                matches.add(new Match(i, Kind.SAME_PLACE));
            } else if (specUnits.size() == 1) {
                matches.add(new Match(0, Kind.WHOLE_COURSE));
            } else {
                matches.add(null);
            }
        }
        return matches;
    }
}
