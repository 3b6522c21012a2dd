package cn.imtp.lms.platform.control;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows written (or read and locked) in one statement on the current transaction's connection. Every
 * statement is a round trip to the database, and a busy node makes each round trip wait for the scheduler:
 * a writer that stores a batch of heartbeats in a handful of statements instead of several per beat keeps
 * its transaction, and the locks it holds, short. Plain JDBC also spares the hot path what JPA does per
 * query: a JPQL query whose shape changes with its batch (an IN list, OR-ed keys, a lock mode) is prepared
 * again on every run.
 */
public final class Bulk {

    static final int ROWS_PER_STATEMENT = 200;

    private Bulk() {
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (…), (…) suffix} for the rows (each as many values as
     * columns; an {@link Instant} is written as a timestamp), within the caller's transaction.
     * {@code suffix} is e.g. {@code ON DUPLICATE KEY UPDATE …}.
     */
    public static void insert(EntityManager em, String table, List<String> columns, List<Object[]> rows, String suffix) {
        if (rows.isEmpty()) {
            return;
        }
        // EclipseLink hands out the connection of the JTA transaction (beginning it early if need be).
        Connection c = em.unwrap(Connection.class);
        String tuple = marks(columns.size());
        try {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                        + String.join(",", java.util.Collections.nCopies(chunk.size(), tuple)) + (suffix == null ? "" : " " + suffix);
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        if (row.length != columns.size()) {
                            throw new IllegalArgumentException("a row of " + row.length + " values for " + columns.size() + " columns");
                        }
                        for (Object value : row) {
                            st.setObject(p++, value instanceof Instant i ? Timestamp.from(i) : value);
                        }
                    }
                    st.executeUpdate();
                }
            }
        } catch (SQLException e) {
            // A deadlock or a lock wait that timed out stays recognisable (503 busy) through its SQLException cause.
            throw new jakarta.persistence.PersistenceException("Writing " + rows.size() + " row(s) into " + table + " failed", e);
        }
    }

    /** A row of a result set made into an object. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows of {@code sql} (its {@code ?} bound to {@code params} in order; an {@link Instant} as a timestamp)
     * within the caller's transaction, e.g. a {@code SELECT … FOR UPDATE} that locks them.
     */
    public static <T> List<T> select(EntityManager em, String sql, List<?> params, RowReader<T> reader) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int p = 1;
            for (Object value : params) {
                st.setObject(p++, value instanceof Instant i ? Timestamp.from(i) : value);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    rows.add(reader.read(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            // A deadlock or a lock wait that timed out stays recognisable (503 busy) through its SQLException cause.
            throw new jakarta.persistence.PersistenceException("Reading with " + sql.substring(0, Math.min(60, sql.length())) + "… failed", e);
        }
    }

    /** {@code (?,?,…)} for that many values. */
    public static String marks(int count) {
        return "(" + String.join(",", java.util.Collections.nCopies(count, "?")) + ")";
    }

    /** The values of every column, for {@code ON DUPLICATE KEY UPDATE}: {@code a = VALUES(a), b = VALUES(b)}. */
    public static String updateAll(List<String> columns) {
        return "ON DUPLICATE KEY UPDATE " + String.join(", ", columns.stream().map(c -> c + " = VALUES(" + c + ")").toList());
    }
}
