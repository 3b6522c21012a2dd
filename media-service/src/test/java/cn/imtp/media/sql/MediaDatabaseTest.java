package cn.imtp.media.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.problem.Problem;
import cn.imtp.platform.problem.Problems;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class MediaDatabaseTest {

    @Test
    void onlyADatabaseThatDoesNotAnswerIsAnOutage() {
        assertTrue(MediaDatabase.isOutage(new SQLNonTransientConnectionException("Socket fail to connect", "08000")));
        assertTrue(MediaDatabase.isOutage(new SQLException("Communications link failure", "08S01")));
        assertFalse(MediaDatabase.isOutage(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062)));
        assertFalse(
                MediaDatabase.isOutage(new SQLException("Data too long for column 'name' at row 1", "22001", 1406)));
    }

    @Test
    void aRefusedValueIsTheCallersErrorAndShowsNoSql() {
        SQLException tooLong = new SQLException(
                "(conn=9) Data too long for column 'name' at row 1 - INSERT INTO media_caption ...", "22001", 1406);
        Problem p = Problems.of(
                new IllegalStateException("A media database statement failed", tooLong), "/media/api/x", "abc");
        assertEquals(422, p.status());
        assertFalse(p.detail().contains("INSERT") || p.detail().contains("media_caption"), p.detail());
    }
}
