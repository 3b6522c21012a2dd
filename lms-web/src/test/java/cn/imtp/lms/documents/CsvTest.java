package cn.imtp.lms.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsAreQuotedWhereNeededAndFormulasDefused() {
        assertEquals(
                "王子涵,\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),\r\n", Csv.row("王子涵", "a,b", "say \"hi\"", "=SUM(A1)", null));
    }
}
