package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The heartbeat writer's statements keep their columns, and a row's values line up with them. */
class BeatRowsTest {

    private static final UUID ASSET = UUID.fromString("0b5e2c1c-8f7d-4a35-9d1e-0123456789ab");

    @Test
    void aSessionIsReadWholeAndWrittenWithItsProgress() {
        assertEquals(
                "id, learner_id, class_id, unit_id, resource_id, asset_id, duration_seconds, opened_at, last_seq, last_elapsed_ms,"
                        + " run_start_ms, run_end_ms, credited_seconds, played_until_ms, position_ms, last_beat_at, ended_at, ended_reason, held_from_ms",
                BeatRows.Sessions.SELECT);
        assertEquals(
                List.of(
                        "id",
                        "learner_id",
                        "class_id",
                        "unit_id",
                        "resource_id",
                        "asset_id",
                        "duration_seconds",
                        "opened_at",
                        "last_seq",
                        "last_elapsed_ms",
                        "run_start_ms",
                        "run_end_ms",
                        "credited_seconds",
                        "played_until_ms",
                        "position_ms",
                        "last_beat_at"),
                BeatRows.Sessions.COLUMNS);
        assertEquals(
                "ON DUPLICATE KEY UPDATE last_seq = VALUES(last_seq), last_elapsed_ms = VALUES(last_elapsed_ms),"
                        + " run_start_ms = VALUES(run_start_ms), run_end_ms = VALUES(run_end_ms), credited_seconds = VALUES(credited_seconds),"
                        + " played_until_ms = VALUES(played_until_ms), position_ms = VALUES(position_ms), last_beat_at = VALUES(last_beat_at)",
                BeatRows.Sessions.UPDATE_PROGRESS);
        Instant opened = Instant.ofEpochSecond(100);
        Instant beat = Instant.ofEpochSecond(200);
        PlaybackSession s = new PlaybackSession(
                "s1",
                1,
                2,
                3,
                4,
                ASSET,
                60,
                opened,
                new CreditPolicy.Session(5, 6, 7, 8, 9, 10),
                11,
                beat,
                null,
                null,
                12L);
        assertEquals(
                Arrays.asList("s1", 1L, 2L, 3L, 4L, ASSET.toString(), 60, opened, 5L, 6L, 7L, 8L, 9, 10L, 11L, beat),
                BeatRows.Sessions.row(s));
    }

    @Test
    void watchedSecondsAreWrittenWhole() {
        assertEquals(
                List.of("learner_id", "class_id", "asset_id", "unit_id", "seconds", "credited_seconds", "resume_ms"),
                BeatRows.Watched.COLUMNS);
        assertEquals(
                "ON DUPLICATE KEY UPDATE seconds = VALUES(seconds), credited_seconds = VALUES(credited_seconds), resume_ms = VALUES(resume_ms)",
                BeatRows.Watched.UPDATE_PROGRESS);
        byte[] seconds = {7};
        List<Object> row = BeatRows.Watched.row(new WatchedVideo(1, 2, ASSET, 3, seconds, 3, 99));
        assertEquals(List.of(1L, 2L, ASSET.toString(), 3L), row.subList(0, 4));
        assertArrayEquals(seconds, (byte[]) row.get(4));
        assertEquals(List.of(3, 99L), row.subList(5, 7));
    }
}
