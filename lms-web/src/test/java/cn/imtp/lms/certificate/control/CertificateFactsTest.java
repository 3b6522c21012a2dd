package cn.imtp.lms.certificate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {

    @Test
    void aStrangerSeesTheFirstAndLastCharacterOfAName() {
        assertEquals("王*涵", CertificateFacts.maskedName("王梓涵"));
        assertEquals("欧**明", CertificateFacts.maskedName("欧阳晓明"));
        assertEquals("李*", CertificateFacts.maskedName("李四"));
        assertEquals("*", CertificateFacts.maskedName("周"));
        assertEquals("*", CertificateFacts.maskedName(" "));
        assertEquals("*", CertificateFacts.maskedName(null));
        assertEquals("𠀋*𠀋", CertificateFacts.maskedName("𠀋好𠀋"), "a character outside the BMP is one character");
    }

    @Test
    void codesAreRandomUnambiguousAndReadAsTyped() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = CertificateFacts.newCode();
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{16}"), code);
            assertTrue(seen.add(code), "no repeat in 1000");
            assertEquals(Optional.of(code), CertificateFacts.normalize(CertificateFacts.display(code)));
            assertEquals(
                    Optional.of(code),
                    CertificateFacts.normalize(
                            " " + CertificateFacts.display(code).toLowerCase() + " "));
        }
        assertEquals(
                Optional.of("0123456789ABCDEF"), CertificateFacts.normalize("O123-4567-89ab-cdef"), "O is read as 0");
        assertEquals(
                Optional.of("1111222233334444"),
                CertificateFacts.normalize("IiLl 2222 3333 4444"),
                "I and L are read as 1");
        for (String bad : new String[] {
            "",
            "ABC",
            "0123456789ABCDEFG",
            "0123-4567-89AB-CDEU",
            "0123456789ABCDE%",
            "'; DROP TABLE x; --",
            "0".repeat(65),
            "０１２３４５６７８９ＡＢＣＤＥＦ"
        }) {
            assertEquals(Optional.empty(), CertificateFacts.normalize(bad), bad);
        }
        assertEquals(Optional.empty(), CertificateFacts.normalize(null));
    }

    @Test
    void theNumberCarriesTheYearOfIssueInChinaTime() {
        assertEquals(
                "JY2027-000012",
                CertificateFacts.number(12, Instant.parse("2026-12-31T16:30:00Z")),
                "00:30 on 1 January in Beijing");
        assertEquals("JY2026-1234567", CertificateFacts.number(1234567, Instant.parse("2026-06-01T00:00:00Z")));
        assertNotEquals(CertificateFacts.number(1, Instant.EPOCH), CertificateFacts.number(2, Instant.EPOCH));
    }

    @Test
    void theFactsSurviveTheirStoredFormUnchanged() throws Exception {
        CertificateFacts f = CertificatePdfTest.certificate(null).facts();
        try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create()) {
            String stored = jsonb.toJson(f);
            assertEquals(f, jsonb.fromJson(stored, CertificateFacts.class), stored);
            assertTrue(stored.contains("\"level\":\"L5\"") && stored.contains("\"startsOn\":\"2026-11-02\""), stored);
            assertTrue(!stored.contains("classroomClassHours"), "what is computed is not stored: " + stored);
            CertificateFacts basic = new CertificateFacts(
                    "李四",
                    null,
                    "基础班",
                    "基础课程",
                    null,
                    null,
                    java.time.LocalDate.of(2027, 1, 1),
                    java.time.LocalDate.of(2027, 2, 1),
                    45,
                    0,
                    0,
                    java.util.List.of(),
                    java.util.List.of());
            assertEquals(
                    basic,
                    jsonb.fromJson(jsonb.toJson(basic), CertificateFacts.class),
                    "a plan of the basic course has no level");
        }
    }
}
