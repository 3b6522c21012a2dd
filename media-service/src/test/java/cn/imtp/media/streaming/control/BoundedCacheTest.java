package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.imtp.media.hls.Segment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    /** A playlist of {@code text} in two parts (the second empty when it is one character long). */
    private static Variant variant(String text) {
        int half = (text.length() + 1) / 2;
        return new Variant(
                new byte[][] {
                    text.substring(0, half).getBytes(StandardCharsets.US_ASCII),
                    text.substring(half).getBytes(StandardCharsets.US_ASCII)
                },
                null,
                "");
    }

    private static String text(Variant v) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            v.writeTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(v.length(), out.size());
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static BoundedCache<Variant> playlists(long chars) {
        return new BoundedCache<>(chars, Variant::size);
    }

    @Test
    void keepsAtMostItsWeightDroppingTheLeastRecentlyRead() {
        BoundedCache<Variant> cache = playlists(10);
        cache.put("a", variant("1234"));
        cache.put("b", variant("5678"));
        assertEquals("1234", text(cache.get("a")));
        cache.put("c", variant("90ab"));
        assertNull(cache.get("b"), "b was read least recently");
        assertEquals("1234", text(cache.get("a")));
        assertEquals(8, cache.weight());
        cache.put("a", variant("12"));
        assertEquals(6, cache.weight(), "a replaced entry counts once");
    }

    @Test
    void anEntryHeavierThanTheWholeCacheIsNotKept() {
        BoundedCache<Variant> cache = playlists(3);
        cache.put("big", variant("12345"));
        assertNull(cache.get("big"));
        assertEquals(0, cache.weight());
    }

    @Test
    void segmentListsWeighTheirSegments() {
        BoundedCache<List<Segment>> cache = new BoundedCache<>(3, List::size);
        cache.put("a/720p", List.of(new Segment(0, 6000), new Segment(1, 6000)));
        cache.put("b/720p", List.of(new Segment(0, 6000), new Segment(1, 4000)));
        assertNull(cache.get("a/720p"), "two lists of two segments do not fit in three");
        assertEquals(2, cache.get("b/720p").size());
        assertEquals(2, cache.weight());
    }
}
