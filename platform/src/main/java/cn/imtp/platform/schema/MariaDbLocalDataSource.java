package cn.imtp.platform.schema;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source seen only as a {@link DataSource}. Payara pools a {@code @DataSourceDefinition} class that
 * is also an {@code XADataSource} (as {@link MariaDbDataSource} is) as XA connections, and every transaction then
 * runs through the distributed-transaction machinery (XA START, XA END, XA COMMIT ONE PHASE) although each WAR has
 * this one resource. Through this class the pool uses local transactions. The pool sets {@code url}, {@code user}
 * and {@code password} by their setters.
 */
public class MariaDbLocalDataSource implements DataSource {

    private final MariaDbDataSource target = new MariaDbDataSource();

    public void setUrl(String url) throws SQLException {
        target.setUrl(url);
    }

    public void setUser(String user) throws SQLException {
        target.setUser(user);
    }

    public void setPassword(String password) throws SQLException {
        target.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
