package cn.imtp.lms.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    final ThrottlePolicy policy =
            new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void noBlockBelowTheLimitThenDoublingUpToTheCeiling() {
        assertEquals(Duration.ZERO, policy.blockAfter(4));
        assertEquals(Duration.ofSeconds(30), policy.blockAfter(5));
        assertEquals(Duration.ofSeconds(60), policy.blockAfter(6));
        assertEquals(Duration.ofSeconds(480), policy.blockAfter(9));
        assertEquals(Duration.ofMinutes(15), policy.blockAfter(10));
        assertEquals(Duration.ofMinutes(15), policy.blockAfter(1000));
    }
}
