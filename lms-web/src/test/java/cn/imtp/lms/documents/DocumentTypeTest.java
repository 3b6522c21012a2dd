package cn.imtp.lms.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    @Test
    void aDocumentIsKnownByItsFirstBytesNotByItsName() {
        assertEquals("application/pdf", Document.type("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(
                "image/jpeg", Document.type(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}));
        assertEquals("image/png", Document.type(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertNull(Document.type("%PDF".getBytes(StandardCharsets.US_ASCII)), "too short to be a PDF");
        assertNull(Document.type("<html>%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        assertNull(Document.type(new byte[0]));
    }
}
