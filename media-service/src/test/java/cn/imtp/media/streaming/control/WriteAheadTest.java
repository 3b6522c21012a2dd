package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WriteAheadTest {

    private static final Instant NEXT = Instant.parse("2026-12-07T10:05:00Z");

    private static Duration before(Duration untilNext) {
        return Playback.writeAheadDelay(NEXT.minus(untilNext), NEXT);
    }

    @Test
    void aReadEarlyInItsSlotHasTheNextOneWrittenThirtySecondsBeforeItBegins() {
        assertEquals(Duration.ofSeconds(270), before(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMillis(500), before(Duration.ofMillis(30_500)));
    }

    @Test
    void aReadInTheLastThirtySecondsDoesNotHaveItWrittenWhileItsAnswerIsSent() {
        assertEquals(Playback.SIBLING_DELAY, before(Duration.ofSeconds(29)));
        assertEquals(Playback.SIBLING_DELAY, before(Duration.ofSeconds(30)));
        assertEquals(Playback.SIBLING_DELAY, before(Duration.ofMillis(30_100)), "the later of the two");
    }

    @Test
    void aReadJustBeforeTheSlotTurnsHasItWrittenHalfwayToTheTurn() {
        assertEquals(Duration.ofMillis(100), before(Duration.ofMillis(200)));
        assertEquals(Duration.ZERO, before(Duration.ZERO));
        assertEquals(Duration.ZERO, before(Duration.ofMillis(-5)), "a clock read on either side of the turn");
    }
}
