package cn.imtp.lms.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Many rows written (or read and locked) in few statements, and few round trips, on one connection. Every
 * round trip to the database makes both sides wait for the scheduler on a busy node: a writer that stores a
 * batch of heartbeats in a handful of statements instead of several per beat keeps its transaction, and the
 * locks it holds, short. Plain JDBC also spares the hot path what JPA does per query: a JPQL query whose
 * shape changes with its batch (an IN list, OR-ed keys, a lock mode) is prepared again on every run.
 *
 * <p>Two ways to run: {@link #on(EntityManager)} runs each statement when it is given, on the connection of
 * the caller's JTA transaction; {@link #deferred(Connection)} keeps the writes until the next read or
 * {@link #flush()} and sends them all in one round trip (the connection must allow multi-queries).
 */
public final class Bulk {

    static final int ROWS_PER_STATEMENT = 200;

    private final Connection connection;
    private final boolean deferred;
    private final List<String> pending = new ArrayList<>();
    private final List<Object> pendingParams = new ArrayList<>();

    private Bulk(Connection connection, boolean deferred) {
        this.connection = connection;
        this.deferred = deferred;
    }

    /** On the connection of the caller's JTA transaction (EclipseLink begins it early if need be); no statement waits. */
    public static Bulk on(EntityManager em) {
        return new Bulk(em.unwrap(Connection.class), false);
    }

    /**
     * On a connection opened with {@code allowMultiQueries}: writes wait for the next {@link #select} or
     * {@link #flush()} and go together, in one round trip, in the order given.
     */
    public static Bulk deferred(Connection connection) {
        return new Bulk(connection, true);
    }

    /** A statement that returns no rows ({@code ?} bound to {@code params} in order). */
    public void execute(String sql, List<?> params) {
        pending.add(sql);
        pendingParams.addAll(params);
        if (!deferred) {
            flush();
        }
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (…), (…) suffix} for the rows (each as many values as
     * columns, in their order, null allowed; an {@link Instant} is written as a timestamp). {@code suffix} is
     * e.g. {@code ON DUPLICATE KEY UPDATE …}.
     */
    public void insert(String table, List<String> columns, List<? extends List<?>> rows, String suffix) {
        String tuple = marks(columns.size());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<? extends List<?>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * columns.size());
            for (List<?> row : chunk) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            "a row of " + row.size() + " values for " + columns.size() + " columns");
                }
                values.addAll(row);
            }
            execute(
                    "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                            + String.join(",", Collections.nCopies(chunk.size(), tuple))
                            + (suffix == null ? "" : " " + suffix),
                    values);
        }
    }

    /** Sends the writes that wait, in one round trip; a failure of any of them is thrown here. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String sql = String.join(";\n", pending);
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            bind(st, pendingParams);
            st.execute();
            // Every statement's outcome is read, so that an error in a later one is not left unseen.
            while (st.getMoreResults() || st.getUpdateCount() != -1) {
                // nothing to keep
            }
        } catch (SQLException e) {
            // A deadlock or a lock wait that timed out stays recognisable (503 busy) through its SQLException cause.
            throw new PersistenceException("Writing with " + abbreviate(sql) + " failed", e);
        } finally {
            pending.clear();
            pendingParams.clear();
        }
    }

    /** A row of a result set made into an object. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A column of the row a {@link RowReader} reads, as an instant, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A column of the row a {@link RowReader} reads, as a number, or null. */
    public static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A row of a result set taken as it is read (into a map, a list…). */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** A query of {@link #selectTogether}: {@code sql} with its {@code ?} bound to {@code params} in order, each row to {@code rows}. */
    public record Query(String sql, List<?> params, RowConsumer rows) {}

    /**
     * The rows of {@code sql} (its {@code ?} bound to {@code params} in order), e.g. a {@code SELECT … FOR UPDATE}
     * that locks them, once the writes that wait have been sent.
     */
    public <T> List<T> select(String sql, List<?> params, RowReader<T> reader) {
        List<T> rows = new ArrayList<>();
        selectTogether(List.of(new Query(sql, params, r -> rows.add(reader.read(r)))));
        return rows;
    }

    /**
     * Runs the queries in their order, once the writes that wait have been sent: on a multi-query connection
     * ({@link #deferred}) in one round trip, so that e.g. three {@code SELECT … FOR UPDATE} lock their rows in
     * the order given at the cost of one.
     */
    public void selectTogether(List<Query> queries) {
        flush();
        if (!deferred) {
            for (Query q : queries) {
                run(q.sql(), q.params(), List.of(q));
            }
        } else if (!queries.isEmpty()) {
            run(
                    String.join(";\n", queries.stream().map(Query::sql).toList()),
                    queries.stream()
                            .<Object>mapMulti((q, out) -> q.params().forEach(out))
                            .toList(),
                    queries);
        }
    }

    private void run(String sql, List<?> params, List<Query> queries) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            bind(st, params);
            boolean rows = st.execute();
            for (Query q : queries) {
                while (!rows) {
                    if (st.getUpdateCount() == -1) {
                        throw new IllegalStateException("fewer results than queries in " + abbreviate(sql));
                    }
                    rows = st.getMoreResults();
                }
                try (ResultSet r = st.getResultSet()) {
                    while (r.next()) {
                        q.rows().accept(r);
                    }
                }
                rows = st.getMoreResults();
            }
        } catch (SQLException e) {
            // A deadlock or a lock wait that timed out stays recognisable (503 busy) through its SQLException cause.
            throw new PersistenceException("Reading with " + abbreviate(sql) + " failed", e);
        }
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        int p = 1;
        for (Object value : params) {
            st.setObject(p++, value instanceof Instant i ? Timestamp.from(i) : value);
        }
    }

    private static String abbreviate(String sql) {
        return sql.substring(0, Math.min(60, sql.length())) + "…";
    }

    /** {@code (?,?,…)} for that many values. */
    public static String marks(int count) {
        return "(" + String.join(",", Collections.nCopies(count, "?")) + ")";
    }

    /** The values of every column, for {@code ON DUPLICATE KEY UPDATE}: {@code a = VALUES(a), b = VALUES(b)}. */
    public static String updateAll(List<String> columns) {
        return "ON DUPLICATE KEY UPDATE "
                + String.join(
                        ", ",
                        columns.stream().map(c -> c + " = VALUES(" + c + ")").toList());
    }
}
