package cn.imtp.media.streaming.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What a node keeps of finished renditions for its viewers — variant playlists as written for a signing slot, the
 * segment lists they are written from — bounded by a weight (characters of text, segments); the least recently read
 * goes first, and an entry heavier than the whole cache is not kept. Keys say what makes an entry stale (a playlist's
 * key holds its slot, so one of an earlier slot is never served).
 */
final class BoundedCache<V> {

    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private long weight;
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(64, 0.75f, true);

    BoundedCache(long maxWeight, ToLongFunction<V> weigher) {
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    synchronized V get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, V value) {
        long w = weigher.applyAsLong(value);
        if (w > maxWeight) {
            return;
        }
        V before = entries.put(key, value);
        weight += w - (before == null ? 0 : weigher.applyAsLong(before));
        Iterator<Map.Entry<String, V>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= weigher.applyAsLong(eldest.next().getValue());
            eldest.remove();
        }
    }

    synchronized long weight() {
        return weight;
    }
}
