package cn.imtp.lms.identity.control;

import java.time.Duration;

/**
 * How long sign-in is blocked after repeated failures: nothing below the limit, then a delay that
 * doubles with every further failure, up to a ceiling. Pure.
 */
public record ThrottlePolicy(int limit, Duration window, Duration firstDelay, Duration maxDelay) {

    /** The block that follows the {@code failures}-th failure inside the window; zero below the limit. */
    public Duration blockAfter(int failures) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - limit, 20);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
