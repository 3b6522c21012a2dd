package cn.imtp.lms.presence.control;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * When the next presence check of a session falls (pure): one when the lesson starts, then each after a random gap
 * between half and one and a half times the mean interval (so a learner cannot tell when the next comes). The mean is
 * the class hour divided by the checks per class hour. With a seed, the gaps are repeatable (tests); without, they come
 * from a secure random source.
 */
public final class CheckSchedule {

    private CheckSchedule() {}

    /** The mean gap between checks: a class hour's length over the checks per class hour. */
    public static long meanIntervalMs(int classHourMinutes, int checksPerClassHour) {
        return classHourMinutes * 60_000L / checksPerClassHour;
    }

    /** The next check's due time on the session's clock, a random gap after {@code fromMs}. */
    public static long next(long fromMs, long meanIntervalMs, RandomGenerator random) {
        return fromMs + (long) (meanIntervalMs * (0.5 + random.nextDouble()));
    }

    /** The gaps' random source for one session's {@code n}-th check: seeded (repeatable) or secure. */
    public static RandomGenerator random(Optional<Long> seed, String sessionId, int n) {
        return seed.<RandomGenerator>map(s -> new Random(s ^ ((long) sessionId.hashCode() << 16) ^ n))
                .orElseGet(SecureRandom::new);
    }
}
