package cn.imtp.media.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.asset.entity.Probe;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentCheckTest {

    @Test
    void sizesAreCheckedAgainstWhatStorageHolds() {
        assertTrue(ContentCheck.size(0, 0, 100).orElseThrow().en().startsWith("The file is empty"));
        assertTrue(ContentCheck.size(101, 101, 100).orElseThrow().en().contains("more than the limit of 100 bytes"));
        assertTrue(ContentCheck.size(50, 60, 100).orElseThrow().en().contains("60 were announced"));
        assertEquals(Optional.empty(), ContentCheck.size(60, 60, 100));
    }

    @Test
    void aFileFfprobeCannotReadIsRefusedInWordsForPeopleWithoutWhatFfprobeSaid() {
        String said =
                "[mov,mp4,m4a @ 0x55d] moov atom not found\nhttp://127.0.0.1:9000/lms-media/assets/x/source?X-Amz-Credential=lms-access"
                        + "%2F20261206&X-Amz-Signature=abc: Invalid data found when processing input";
        String reason =
                ContentCheck.media(MediaKind.VIDEO, null, said).orElseThrow().toString();
        assertTrue(reason.contains("文件不完整") && reason.contains("moov"), reason);
        assertFalse(
                reason.contains("http")
                        || reason.contains("X-Amz")
                        || reason.contains("lms-access")
                        || reason.contains("0x55d"),
                reason);
        String other = ContentCheck.media(
                        MediaKind.VIDEO, null, "http://127.0.0.1:9000/x?X-Amz-Signature=abc: Invalid data found")
                .orElseThrow()
                .toString();
        assertTrue(other.contains("无法读取"), other);
        assertFalse(other.contains("http") || other.contains("Signature"), other);
    }

    @Test
    void aStillImageRenamedAsAVideoIsCalledAnImage() {
        for (String format : new String[] {"png_pipe", "jpeg_pipe", "image2", "webp_pipe", "gif"}) {
            String reason = ContentCheck.media(
                            MediaKind.VIDEO, new Probe(format, 40, true, 640, 480, 25, false, false), null)
                    .orElseThrow()
                    .toString();
            assertTrue(reason.contains("这是一张图片"), format + ": " + reason);
        }
        assertEquals(
                Optional.empty(),
                ContentCheck.media(
                        MediaKind.VIDEO,
                        new Probe("mov,mp4,m4a,3gp,3g2,mj2", 4000, true, 640, 480, 25, true, false),
                        null));
    }

    @Test
    void anAudioOnlyFileIsAVideoResourcesAudioRenditionButAnAudioResourceNeedsSound() {
        Probe audioOnly = new Probe("mp3", 5000, false, 0, 0, 0, true, false);
        assertEquals(Optional.empty(), ContentCheck.media(MediaKind.VIDEO, audioOnly, null));
        Probe silent = new Probe("mp4", 5000, true, 640, 360, 25, false, false);
        assertEquals(Optional.empty(), ContentCheck.media(MediaKind.VIDEO, silent, null));
        assertTrue(ContentCheck.media(MediaKind.AUDIO, silent, null).isPresent());
        assertTrue(ContentCheck.media(MediaKind.VIDEO, new Probe("mp4", 0, true, 640, 360, 25, true, false), null)
                .isPresent());
    }

    @Test
    void documentsAndImagesAreJudgedByTheirFirstBytes() {
        assertEquals(
                Optional.empty(),
                ContentCheck.magic(MediaKind.DOCUMENT, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ContentCheck.magic(MediaKind.DOCUMENT, new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertTrue(ContentCheck.magic(MediaKind.DOCUMENT, "hello, not a pdf".getBytes(StandardCharsets.US_ASCII))
                .isPresent());
        assertEquals(
                Optional.empty(), ContentCheck.magic(MediaKind.IMAGE, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
        assertEquals(
                Optional.empty(),
                ContentCheck.magic(MediaKind.IMAGE, "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(ContentCheck.magic(MediaKind.IMAGE, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))
                .isPresent());
    }

    @Test
    void aDocumentIsServedAsWhatItsBytesSayUnderANameThatAgrees() {
        byte[] polyglot = "%PDF-<html><script>".getBytes();
        assertEquals("application/pdf", ContentCheck.servedType(polyglot, "page.html"));
        assertEquals("page.pdf", ContentCheck.servedName("page.html", "application/pdf"));
        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        assertEquals(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ContentCheck.servedType(zip, "讲义.DOCX"));
        assertEquals("application/octet-stream", ContentCheck.servedType(zip, "x.html"));
        assertEquals("x.bin", ContentCheck.servedName("x.html", "application/octet-stream"));
        assertEquals("photo.jpeg", ContentCheck.servedName("photo.jpeg", "image/jpeg"));
        assertEquals("handout.pdf", ContentCheck.servedName("handout.pdf", "application/pdf"));
    }
}
