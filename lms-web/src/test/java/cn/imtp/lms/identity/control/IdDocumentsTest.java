package cn.imtp.lms.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.imtp.lms.identity.entity.IdDocumentType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdDocumentsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X", // the GB 11643 example: check character X
        "440106198609021285",
        "110105198203142172",
        "32010219861009936x"
    }) // a lower-case x is accepted and stored upper-case
    void validResidentIdNumbers(String number) {
        assertNull(IdDocuments.problemWith(IdDocumentType.MAINLAND_ID_CARD, number, TODAY));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "110105198203142173 | the check digit is wrong (the number may be mistyped)",
                "11010519820314217  | a resident ID number has 18 characters, this one has 17",
                "990105198203142172 | region code 990105 is not a region of China",
                "110105198302302171 | birth date 19830230 is not a date",
                "110105203001012171 | birth date 20300101 is not plausible",
                "1101051982031A2172 | the first 17 characters of a resident ID number are digits"
            })
    void invalidResidentIdNumbersSayWhatIsWrong(String number, String problem) {
        assertEquals(
                problem,
                IdDocuments.problemWith(IdDocumentType.MAINLAND_ID_CARD, number, TODAY)
                        .en());
    }

    @Test
    void checkDigitFollowsIso7064() {
        assertEquals('X', IdDocuments.checkDigit("11010519491231002"));
        assertEquals('5', IdDocuments.checkDigit("44010619860902128"));
    }

    @Test
    void otherDocuments() {
        assertNull(IdDocuments.problemWith(IdDocumentType.PASSPORT, "E12345678", TODAY));
        assertNull(IdDocuments.problemWith(IdDocumentType.HK_MACAO_TRAVEL_PERMIT, "H12345678", TODAY));
        assertNull(IdDocuments.problemWith(IdDocumentType.TAIWAN_TRAVEL_PERMIT, "12345678", TODAY));
        assertEquals(
                "a Hong Kong/Macao travel permit number is H or M followed by 8 or 10 digits",
                IdDocuments.problemWith(IdDocumentType.HK_MACAO_TRAVEL_PERMIT, "X12345678", TODAY)
                        .en());
        assertEquals(
                "is required",
                IdDocuments.problemWith(IdDocumentType.PASSPORT, " ", TODAY).en());
    }

    @Test
    void masking() {
        assertEquals("110************02X", IdDocuments.mask("11010519491231002X"));
        assertEquals("E******78", IdDocuments.mask("E12345678"));
        assertEquals("E******8", IdDocuments.mask("E1234568"));
        assertEquals("****5", IdDocuments.mask("AB125"));
        assertEquals("**", IdDocuments.mask("AB"));
        for (String n :
                new String[] {"11010519491231002X", "E12345678", "H12345678", "12345678", "A1234", "AB1234567890123"}) {
            String masked = IdDocuments.mask(n);
            assertEquals(n.length(), masked.length());
            long shown = masked.chars().filter(c -> c != '*').count();
            org.junit.jupiter.api.Assertions.assertTrue(
                    shown * 3 <= n.length(), masked + " shows more than a third of " + n);
        }
        assertEquals("138****5678", IdDocuments.maskPhone("13812345678"));
        assertNull(IdDocuments.phoneProblem("13812345678"));
        assertEquals(
                "a mobile number has 11 digits and starts with 13 to 19",
                IdDocuments.phoneProblem("12812345678").en());
    }
}
