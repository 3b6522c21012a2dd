package cn.imtp.media.sql;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.schema.SchemaStartup;
import cn.imtp.platform.text.Words;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * media-service's way to MariaDB: plain JDBC on the shared data source, one connection per unit of
 * work. The transcoding workers write from their own threads outside container transactions, and the
 * queries are few and fixed. A database that does not answer is a 503; a value it refuses (too long, a
 * duplicate) is the caller's 4xx and a lock conflict a retry ({@code Problems}); neither shows SQL.
 */
@ApplicationScoped
public class MediaDatabase {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @Resource(lookup = SchemaStartup.DATA_SOURCE)
    DataSource ds;

    public <T> T run(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            if (isOutage(e)) {
                throw PlatformException.unavailable(
                        "Database", new Words("媒体数据库暂时没有响应，请稍后重试。", "The media database did not answer; try again."));
            }
            throw new IllegalStateException("A media database statement failed", e);
        }
    }

    /** The database could not be reached or did not answer in time (SQLState class 08, or a connection or time-out failure). */
    static boolean isOutage(SQLException e) {
        return e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTimeoutException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    }
}
