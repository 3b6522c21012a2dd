package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceTypeTest {

    @Test
    void aDocumentIsKnownByItsFirstBytesNotByItsName() {
        assertEquals("application/pdf", OtherHours.documentType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/jpeg", OtherHours.documentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}));
        assertEquals("image/png", OtherHours.documentType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertNull(OtherHours.documentType("%PDF".getBytes(StandardCharsets.US_ASCII)), "too short to be a PDF");
        assertNull(OtherHours.documentType("<html>%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        assertNull(OtherHours.documentType(new byte[0]));
    }
}
