package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.imtp.media.hls.Segment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private static BoundedCache<Variant> playlists(long chars) {
        return new BoundedCache<>(chars, Variant::size);
    }

    @Test
    void keepsAtMostItsWeightDroppingTheLeastRecentlyRead() {
        BoundedCache<Variant> cache = playlists(10);
        cache.put("a", new Variant("1234".getBytes(StandardCharsets.US_ASCII), null, ""));
        cache.put("b", new Variant("5678".getBytes(StandardCharsets.US_ASCII), null, ""));
        assertEquals("1234", new String(cache.get("a").bytes(), StandardCharsets.US_ASCII));
        cache.put("c", new Variant("90ab".getBytes(StandardCharsets.US_ASCII), null, ""));
        assertNull(cache.get("b"), "b was read least recently");
        assertEquals("1234", new String(cache.get("a").bytes(), StandardCharsets.US_ASCII));
        assertEquals(8, cache.weight());
        cache.put("a", new Variant("12".getBytes(StandardCharsets.US_ASCII), null, ""));
        assertEquals(6, cache.weight(), "a replaced entry counts once");
    }

    @Test
    void anEntryHeavierThanTheWholeCacheIsNotKept() {
        BoundedCache<Variant> cache = playlists(3);
        cache.put("big", new Variant("12345".getBytes(StandardCharsets.US_ASCII), null, ""));
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
