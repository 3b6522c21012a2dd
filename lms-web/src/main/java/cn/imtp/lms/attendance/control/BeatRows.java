package cn.imtp.lms.attendance.control;

import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import cn.imtp.lms.sql.Bulk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rows of {@code playback_session} and {@code watched_video} as {@link BeatStore} locks, reads and writes them
 * without JPA, through {@link Bulk}: each column named once, read by its name into the entity and written from it.
 */
final class BeatRows {

    private BeatRows() {}

    /** Reads a column of a result set's current row by its name. */
    @FunctionalInterface
    interface Getter<V> {
        V get(ResultSet row, String column) throws SQLException;
    }

    /** A column: its name, how its value (as the column holds it) is read, and the entity's value for it. */
    record Column<E, V>(String name, Getter<V> getter, Function<E, V> value) {

        V read(ResultSet row) throws SQLException {
            return getter.get(row, name);
        }
    }

    /** The columns' names, for a SELECT or an INSERT. */
    private static List<String> names(List<? extends Column<?, ?>> columns) {
        return columns.stream().map(Column::name).toList();
    }

    /** The entity's values for the columns, in their order (null where the entity has none), as {@link Bulk#insert} takes a row. */
    private static <E> List<Object> values(E entity, List<Column<E, ?>> columns) {
        List<Object> values = new ArrayList<>(columns.size());
        for (Column<E, ?> c : columns) {
            values.add(c.value().apply(entity));
        }
        return values;
    }

    /** The columns of {@code a}, then those of {@code b}. */
    private static <E> List<Column<E, ?>> concat(List<Column<E, ?>> a, List<Column<E, ?>> b) {
        List<Column<E, ?>> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** {@code playback_session}: a beat locks and reads its session whole, and writes back its progress. */
    static final class Sessions {

        private Sessions() {}

        static final Column<PlaybackSession, String> ID = new Column<>("id", ResultSet::getString, PlaybackSession::id);
        static final Column<PlaybackSession, Long> LEARNER_ID =
                new Column<>("learner_id", ResultSet::getLong, PlaybackSession::learnerId);
        static final Column<PlaybackSession, Long> CLASS_ID =
                new Column<>("class_id", ResultSet::getLong, PlaybackSession::classId);
        static final Column<PlaybackSession, Long> UNIT_ID =
                new Column<>("unit_id", ResultSet::getLong, PlaybackSession::unitId);
        static final Column<PlaybackSession, Long> RESOURCE_ID =
                new Column<>("resource_id", ResultSet::getLong, PlaybackSession::resourceId);
        static final Column<PlaybackSession, String> ASSET_ID =
                new Column<>("asset_id", ResultSet::getString, s -> s.assetId().toString());
        static final Column<PlaybackSession, Integer> DURATION_SECONDS =
                new Column<>("duration_seconds", ResultSet::getInt, PlaybackSession::durationSeconds);
        static final Column<PlaybackSession, Instant> OPENED_AT =
                new Column<>("opened_at", Bulk::instant, PlaybackSession::openedAt);
        static final Column<PlaybackSession, Long> LAST_SEQ =
                new Column<>("last_seq", ResultSet::getLong, s -> s.state().lastSeq());
        static final Column<PlaybackSession, Long> LAST_ELAPSED_MS =
                new Column<>("last_elapsed_ms", ResultSet::getLong, PlaybackSession::lastElapsedMs);
        static final Column<PlaybackSession, Long> RUN_START_MS =
                new Column<>("run_start_ms", ResultSet::getLong, s -> s.state().runStartMs());
        static final Column<PlaybackSession, Long> RUN_END_MS =
                new Column<>("run_end_ms", ResultSet::getLong, s -> s.state().runEndMs());
        static final Column<PlaybackSession, Integer> CREDITED_SECONDS = new Column<>(
                "credited_seconds", ResultSet::getInt, s -> s.state().creditedSeconds());
        static final Column<PlaybackSession, Long> PLAYED_UNTIL_MS = new Column<>(
                "played_until_ms", ResultSet::getLong, s -> s.state().playedUntilMs());
        static final Column<PlaybackSession, Long> POSITION_MS =
                new Column<>("position_ms", ResultSet::getLong, PlaybackSession::positionMs);
        static final Column<PlaybackSession, Instant> LAST_BEAT_AT =
                new Column<>("last_beat_at", Bulk::instant, PlaybackSession::lastBeatAt);
        static final Column<PlaybackSession, Instant> ENDED_AT =
                new Column<>("ended_at", Bulk::instant, PlaybackSession::endedAt);
        static final Column<PlaybackSession, String> ENDED_REASON =
                new Column<>("ended_reason", ResultSet::getString, PlaybackSession::endedReason);
        static final Column<PlaybackSession, Long> HELD_FROM_MS =
                new Column<>("held_from_ms", Bulk::longOrNull, PlaybackSession::heldFromMs);

        /** What a beat changes. */
        private static final List<Column<PlaybackSession, ?>> PROGRESS = List.of(
                LAST_SEQ,
                LAST_ELAPSED_MS,
                RUN_START_MS,
                RUN_END_MS,
                CREDITED_SECONDS,
                PLAYED_UNTIL_MS,
                POSITION_MS,
                LAST_BEAT_AT);

        /** What the writer writes: the row as it was opened (the row is there: the writer read it), then its progress. */
        private static final List<Column<PlaybackSession, ?>> WRITTEN = concat(
                List.of(ID, LEARNER_ID, CLASS_ID, UNIT_ID, RESOURCE_ID, ASSET_ID, DURATION_SECONDS, OPENED_AT),
                PROGRESS);

        /** The columns written by {@link #row}, for {@link Bulk#insert}. */
        static final List<String> COLUMNS = names(WRITTEN);

        /** The columns {@link #read} takes, for a SELECT. */
        static final String SELECT =
                String.join(", ", names(concat(WRITTEN, List.of(ENDED_AT, ENDED_REASON, HELD_FROM_MS))));

        /** The INSERT's suffix that writes a beat's changes into the row that is there. */
        static final String UPDATE_PROGRESS = Bulk.updateAll(names(PROGRESS));

        /** A session from a row of {@code SELECT} {@link #SELECT}. */
        static PlaybackSession read(ResultSet row) throws SQLException {
            return new PlaybackSession(
                    ID.read(row),
                    LEARNER_ID.read(row),
                    CLASS_ID.read(row),
                    UNIT_ID.read(row),
                    RESOURCE_ID.read(row),
                    UUID.fromString(ASSET_ID.read(row)),
                    DURATION_SECONDS.read(row),
                    OPENED_AT.read(row),
                    new CreditPolicy.Session(
                            LAST_SEQ.read(row),
                            LAST_ELAPSED_MS.read(row),
                            RUN_START_MS.read(row),
                            RUN_END_MS.read(row),
                            CREDITED_SECONDS.read(row),
                            PLAYED_UNTIL_MS.read(row)),
                    POSITION_MS.read(row),
                    LAST_BEAT_AT.read(row),
                    ENDED_AT.read(row),
                    ENDED_REASON.read(row),
                    HELD_FROM_MS.read(row));
        }

        /** The session's values of {@link #COLUMNS}. */
        static List<Object> row(PlaybackSession s) {
            return values(s, WRITTEN);
        }
    }

    /** {@code watched_video}: a beat locks and reads the learner's seconds of the video in the class, and writes them back. */
    static final class Watched {

        private Watched() {}

        static final Column<WatchedVideo, Long> LEARNER_ID =
                new Column<>("learner_id", ResultSet::getLong, WatchedVideo::learnerId);
        static final Column<WatchedVideo, Long> CLASS_ID =
                new Column<>("class_id", ResultSet::getLong, WatchedVideo::classId);
        static final Column<WatchedVideo, String> ASSET_ID =
                new Column<>("asset_id", ResultSet::getString, w -> w.assetId().toString());
        static final Column<WatchedVideo, Long> UNIT_ID =
                new Column<>("unit_id", ResultSet::getLong, WatchedVideo::unitId);
        static final Column<WatchedVideo, byte[]> SECONDS =
                new Column<>("seconds", ResultSet::getBytes, WatchedVideo::secondsBits);
        static final Column<WatchedVideo, Integer> CREDITED_SECONDS =
                new Column<>("credited_seconds", ResultSet::getInt, WatchedVideo::creditedSeconds);
        static final Column<WatchedVideo, Long> RESUME_MS =
                new Column<>("resume_ms", ResultSet::getLong, WatchedVideo::resumeMs);

        /** What a beat changes. */
        private static final List<Column<WatchedVideo, ?>> PROGRESS = List.of(SECONDS, CREDITED_SECONDS, RESUME_MS);

        /** The whole row: its key and unit (a row missing is made), then what a beat changes. */
        private static final List<Column<WatchedVideo, ?>> ALL =
                concat(List.of(LEARNER_ID, CLASS_ID, ASSET_ID, UNIT_ID), PROGRESS);

        /** The columns {@link #read} takes and {@link #row} writes. */
        static final List<String> COLUMNS = names(ALL);

        /** The INSERT's suffix that writes a beat's changes into a row that is there. */
        static final String UPDATE_PROGRESS = Bulk.updateAll(names(PROGRESS));

        /** A row of {@code SELECT} {@link #COLUMNS}. */
        static WatchedVideo read(ResultSet row) throws SQLException {
            return new WatchedVideo(
                    LEARNER_ID.read(row),
                    CLASS_ID.read(row),
                    UUID.fromString(ASSET_ID.read(row)),
                    UNIT_ID.read(row),
                    SECONDS.read(row),
                    CREDITED_SECONDS.read(row),
                    RESUME_MS.read(row));
        }

        /** The row's values of {@link #COLUMNS}. */
        static List<Object> row(WatchedVideo w) {
            return values(w, ALL);
        }
    }
}
