package cn.imtp.lms.attendance.control;

import java.util.Map;

/**
 * Credit taken back for review and not given back yet (待审核), by learner and unit: shown beside the ledger's credited
 * time, never counted in it. The feature that withholds credit (presence checks) answers it; without one, nothing is
 * withheld.
 */
public interface WithheldCredit {

    /** learner → unit → seconds withheld and awaiting review, in the class. */
    Map<Long, Map<Long, Integer>> awaitingReview(long classId);
}
