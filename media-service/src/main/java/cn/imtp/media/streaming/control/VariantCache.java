package cn.imtp.media.streaming.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variant playlists of finished renditions, as written for one signing slot: every viewer of the slot gets the same
 * text (its segment URLs are shared, see {@code SharedGetSigner}), so it is written once per slot and node. Bounded by
 * the characters of text it holds (their gzip copies add about a fifth); the least recently read goes first, and a
 * playlist of an earlier slot is never served because the slot is part of its key.
 */
final class VariantCache {

    private final long maxChars;
    private long chars;
    private final LinkedHashMap<String, Variant> entries = new LinkedHashMap<>(64, 0.75f, true);

    VariantCache(long maxChars) {
        this.maxChars = maxChars;
    }

    synchronized Variant get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Variant playlist) {
        if (playlist.text().length() > maxChars) {
            return;
        }
        Variant before = entries.put(key, playlist);
        chars += playlist.text().length() - (before == null ? 0 : before.text().length());
        Iterator<Map.Entry<String, Variant>> eldest = entries.entrySet().iterator();
        while (chars > maxChars && eldest.hasNext()) {
            chars -= eldest.next().getValue().text().length();
            eldest.remove();
        }
    }

    synchronized long chars() {
        return chars;
    }
}
