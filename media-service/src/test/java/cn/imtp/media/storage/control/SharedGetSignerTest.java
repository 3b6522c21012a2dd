package cn.imtp.media.storage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.Signer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class SharedGetSignerTest {

    private static final String KEY = "renditions/5b0e7c3a-1f0a-4a55-9d7e-2f4f3d1f6a10/720p/seg-00042.ts";

    /** The same URL, byte for byte, as the MinIO SDK's own Signature Version 4 presigning for that moment. */
    @Test
    void signsExactlyAsTheMinioSdkDoes() throws Exception {
        Instant at = Instant.parse("2026-12-06T08:05:00Z");
        for (String endpoint : new String[] {"http://127.0.0.1:9000", "https://s3.example.cn"}) {
            SharedGetSigner signer = new SharedGetSigner(
                    endpoint,
                    "lms-media",
                    "us-east-1",
                    "it-access",
                    "it-secret-key-0123456789",
                    Duration.ofMinutes(10));
            for (Map<String, String> query :
                    List.of(Map.<String, String>of(), Map.of("response-content-type", "video/mp2t"))) {
                String ours = signer.sign(KEY, at, 900, query);
                HttpUrl.Builder b =
                        HttpUrl.parse(endpoint + "/lms-media/" + KEY).newBuilder();
                query.forEach(b::addQueryParameter);
                HttpUrl url = b.build();
                Request request = new Request.Builder()
                        .url(url)
                        .header(
                                "Host",
                                url.port() == HttpUrl.defaultPort(url.scheme())
                                        ? url.host()
                                        : url.host() + ":" + url.port())
                        .header("X-Amz-Date", "20261206T080500Z")
                        .get()
                        .build();
                HttpUrl theirs = Signer.presignV4(request, "us-east-1", "it-access", "it-secret-key-0123456789", 900);
                assertEquals(
                        HttpUrl.parse(theirs.toString()).queryParameter("X-Amz-Signature"),
                        HttpUrl.parse(ours).queryParameter("X-Amz-Signature"),
                        ours + "\n" + theirs);
                assertTrue(ours.startsWith(endpoint + "/lms-media/renditions/"), ours);
            }
        }
    }

    @Test
    void everyViewerOfASlotGetsTheSameUrlValidForAtLeastTheLifetime() {
        SharedGetSigner signer = new SharedGetSigner(
                "http://127.0.0.1:9000", "lms-media", "us-east-1", "a", "b", Duration.ofMinutes(10));
        Instant first = Instant.parse("2026-12-06T08:05:00Z");
        Instant later = first.plusSeconds(299);
        assertEquals(url(signer, KEY, first), url(signer, KEY, later), "one URL per object and 5-minute slot");
        assertNotEquals(url(signer, KEY, first), url(signer, KEY, first.plusSeconds(300)), "a new slot, a new URL");
        HttpUrl url = HttpUrl.parse(url(signer, KEY, later));
        assertEquals("20261206T080500Z", url.queryParameter("X-Amz-Date"));
        // Signed at the slot's start, valid 15 minutes from there: at least 10 minutes after the last hand-out of the
        // slot.
        assertEquals("900", url.queryParameter("X-Amz-Expires"));
    }

    @Test
    void keysAreEncodedAsSignatureVersion4Wants() {
        assertEquals("a%20b%2Bc~%E8%AF%BE", SharedGetSigner.encode("a b+c~课"));
        SharedGetSigner signer = new SharedGetSigner(
                "http://127.0.0.1:9000", "lms-media", "us-east-1", "a", "b", Duration.ofMinutes(10));
        assertTrue(url(signer, "x/课 1.ts", Instant.EPOCH)
                .startsWith("http://127.0.0.1:9000/lms-media/x/%E8%AF%BE%201.ts?"));
    }

    @Test
    void anEndpointsPathIsEncodedAsAKeysIs() {
        SharedGetSigner signer = new SharedGetSigner(
                "https://cdn.example.cn/媒体/", "lms-media", "us-east-1", "a", "b", Duration.ofMinutes(10));
        assertTrue(url(signer, "x/1.ts", Instant.EPOCH)
                .startsWith("https://cdn.example.cn/%E5%AA%92%E4%BD%93/lms-media/x/1.ts?"));
    }

    /** A URL as a playlist gets it: written by the slot's batch. */
    private static String url(SharedGetSigner signer, String key, Instant now) {
        SharedGetSigner.Batch batch = signer.batch(now);
        byte[] encoded = SharedGetSigner.encodedKey(key);
        byte[] out = new byte[batch.length(encoded.length)];
        batch.write(encoded, encoded.length, out, 0);
        return new String(out, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
