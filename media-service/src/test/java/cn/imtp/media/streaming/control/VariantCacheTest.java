package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VariantCacheTest {

    @Test
    void keepsAtMostItsCharactersDroppingTheLeastRecentlyRead() {
        VariantCache cache = new VariantCache(10);
        cache.put("a", new Variant("1234"));
        cache.put("b", new Variant("5678"));
        assertEquals("1234", cache.get("a").text());
        cache.put("c", new Variant("90ab"));
        assertNull(cache.get("b"), "b was read least recently");
        assertEquals("1234", cache.get("a").text());
        assertEquals(8, cache.chars());
        cache.put("a", new Variant("12"));
        assertEquals(6, cache.chars(), "a replaced entry counts once");
    }

    @Test
    void aPlaylistLargerThanTheWholeCacheIsNotKept() {
        VariantCache cache = new VariantCache(3);
        cache.put("big", new Variant("12345"));
        assertNull(cache.get("big"));
        assertEquals(0, cache.chars());
    }
}
