package cn.imtp.media.platform.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.schema.SchemaStartup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * media-service's way to MariaDB: plain JDBC on the shared data source, one connection per unit of
 * work. The transcoding workers write from their own threads outside container transactions, and the
 * queries are few and fixed; a database that does not answer is a 503, never a stack trace.
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
            throw PlatformException.unavailable("Database", "The media database did not answer (" + e.getMessage() + "); try again.");
        }
    }
}
