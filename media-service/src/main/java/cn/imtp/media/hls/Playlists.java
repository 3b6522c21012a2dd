package cn.imtp.media.hls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * HLS playlists: every URL in them is absolute and already signed, because a relative segment name would not carry a
 * presigned URL's signature.
 */
public final class Playlists {

    /** A caption track (WebVTT) offered in the master playlist. */
    public record Captions(String language, String name, String url) {}

    private Playlists() {}

    /**
     * A quoted-string attribute value (RFC 8216 4.2): between double quotes, with no double quote, carriage return
     * or line feed inside. Values are checked where they are accepted ({@link #isQuotable}); one that is not
     * quotable here is a bug, never written into a playlist.
     */
    static String quoted(String value) {
        if (!isQuotable(value)) {
            throw new IllegalArgumentException("not quotable in a playlist: " + value.length() + " characters");
        }
        return '"' + value + '"';
    }

    /** Whether {@code value} can stand in a playlist's quoted string: no double quote and no control character (line breaks included). */
    public static boolean isQuotable(String value) {
        return value != null
                && value.codePoints()
                        .noneMatch(c -> c == '"'
                                || Character.isISOControl(c)
                                || Character.getType(c) == Character.LINE_SEPARATOR
                                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }

    /**
     * The master playlist: caption tracks, alternate audio tracks (a source with several: group {@code audio}, the main
     * one DEFAULT), then one variant per video rung (or the audio rendition of an audio file; with alternates only, the
     * main track's).
     */
    public static String master(
            List<Rendition> renditions, Function<Rendition, String> variantUrl, List<Captions> captions) {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:4\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Captions c : captions) {
            m.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=")
                    .append(quoted(c.language()))
                    .append(",NAME=")
                    .append(quoted(c.name()))
                    .append(",DEFAULT=NO,AUTOSELECT=YES,URI=")
                    .append(quoted(c.url()))
                    .append('\n');
        }
        List<Rendition> alternates =
                renditions.stream().filter(Rendition::isAlternateAudio).toList();
        int groupKbps = 0;
        for (Rendition a : alternates) {
            m.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=")
                    .append(quoted(a.alternate().language()))
                    .append(",NAME=")
                    .append(quoted(a.alternate().label()))
                    .append(",DEFAULT=")
                    .append(a.alternate().isDefault() ? "YES" : "NO")
                    .append(",AUTOSELECT=YES,CHANNELS=\"2\",URI=")
                    .append(quoted(variantUrl.apply(a)))
                    .append('\n');
            groupKbps = Math.max(groupKbps, a.audioKbps());
        }
        List<Rendition> variants =
                renditions.stream().filter(r -> !r.isAlternateAudio()).toList();
        if (variants.isEmpty() && !alternates.isEmpty()) {
            variants = List.of(alternates.get(0));
        }
        for (Rendition r : variants) {
            boolean grouped = !alternates.isEmpty();
            int bandwidth = r.isAlternateAudio() ? r.bandwidth() : r.bandwidth() + (grouped ? groupKbps * 1100 : 0);
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth);
            if (!r.audioOnly()) {
                m.append(",RESOLUTION=").append(r.width()).append('x').append(r.height());
            }
            m.append(",CODECS=\"")
                    .append(grouped && !r.audioOnly() ? "avc1.640028,mp4a.40.2" : r.codecs())
                    .append('"');
            if (grouped) {
                m.append(",AUDIO=\"audio\"");
            }
            if (!captions.isEmpty()) {
                m.append(",SUBTITLES=\"subs\"");
            }
            m.append('\n').append(variantUrl.apply(r)).append('\n');
        }
        return m.toString();
    }

    /** Where a variant playlist's segment URLs come from: each written as ASCII in place, its length known beforehand. */
    public interface SegmentUrls {
        int length(Segment segment);

        /** Writes the segment's URL into {@code out} from {@code at}, {@link #length} bytes. */
        void write(Segment segment, byte[] out, int at);
    }

    /**
     * A variant playlist. While encoding runs it is an EVENT playlist that only grows; once the rendition is complete it
     * is VOD and ends with EXT-X-ENDLIST. It is laid out here (every line's place known) in parts of {@code
     * partSegments} segments, each an array of its own: a 3-hour lecture's playlist is 650 KB, and as one array it would
     * be a humongous object for G1 (half a region or more: 512 KB with the 1-MB regions of a heap under 2 GB), allocated
     * outside the young generation and starting a concurrent cycle each time. Parts are written by {@link
     * VariantText#write}, on as many threads as the caller has, and sent one after the other.
     */
    public static VariantText variant(
            List<Segment> segments, boolean complete, int hlsTimeSeconds, int partSegments, SegmentUrls urls) {
        return new VariantText(segments, complete, hlsTimeSeconds, partSegments, urls);
    }

    /** A variant playlist being written: its head and end are, its segment lines are as {@link #write} writes them. */
    public static final class VariantText {
        private final List<Segment> segments;
        private final SegmentUrls urls;
        private final int partSegments;
        /** Where each segment's lines begin in its part; the last entry is where the end tag begins in the last part. */
        private final int[] at;

        private final byte[][] parts;

        private VariantText(
                List<Segment> segments, boolean complete, int hlsTimeSeconds, int partSegments, SegmentUrls urls) {
            if (partSegments < 1) {
                throw new IllegalArgumentException("a part has at least one segment: " + partSegments);
            }
            this.segments = segments;
            this.urls = urls;
            this.partSegments = partSegments;
            int target = hlsTimeSeconds;
            for (Segment s : segments) {
                target = Math.max(target, (s.durationMs() + 999) / 1000);
            }
            byte[] head = ("#EXTM3U\n#EXT-X-VERSION:4\n#EXT-X-PLAYLIST-TYPE:" + (complete ? "VOD" : "EVENT")
                            + "\n#EXT-X-TARGETDURATION:" + target
                            + "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] end = complete ? END_LIST : new byte[0];
            int n = segments.size();
            parts = new byte[Math.max(1, (n + partSegments - 1) / partSegments)][];
            at = new int[n + 1];
            int size = head.length;
            for (int i = 0; i <= n; i++) {
                if (i > 0 && i % partSegments == 0 && i < n) {
                    parts[i / partSegments - 1] = new byte[size];
                    size = 0;
                }
                at[i] = size;
                if (i < n) {
                    Segment s = segments.get(i);
                    // "#EXTINF:" seconds "." three decimals ",\n" URL "\n"
                    size += EXTINF.length + digits(Math.max(0, s.durationMs()) / 1000) + 6 + urls.length(s) + 1;
                }
            }
            byte[] last = new byte[size + end.length];
            parts[parts.length - 1] = last;
            System.arraycopy(head, 0, parts[0], 0, head.length);
            System.arraycopy(end, 0, last, size, end.length);
        }

        public int segments() {
            return segments.size();
        }

        /** How many parts the playlist is written and sent in (one at least). */
        public int parts() {
            return parts.length;
        }

        /** Writes the lines of part {@code k}'s segments; parts may be written at once, on different threads. */
        public void write(int k) {
            byte[] out = parts[k];
            int to = Math.min(segments.size(), (k + 1) * partSegments);
            for (int i = k * partSegments; i < to; i++) {
                Segment s = segments.get(i);
                int ms = Math.max(0, s.durationMs());
                int p = at[i];
                System.arraycopy(EXTINF, 0, out, p, EXTINF.length);
                p = writeDigits(ms / 1000, out, p + EXTINF.length);
                out[p++] = '.';
                out[p++] = (byte) ('0' + ms / 100 % 10);
                out[p++] = (byte) ('0' + ms / 10 % 10);
                out[p++] = (byte) ('0' + ms % 10);
                out[p++] = ',';
                out[p++] = '\n';
                urls.write(s, out, p);
                int next = i + 1 < to ? at[i + 1] : i + 1 == segments.size() ? at[i + 1] : out.length;
                out[next - 1] = '\n';
            }
        }

        /** Part {@code k} of the playlist, once it is written; not to be changed. */
        public byte[] part(int k) {
            return parts[k];
        }

        /** The playlist's parts in order, once every one is written; not to be changed. */
        public byte[][] allParts() {
            return parts;
        }
    }

    private static final byte[] EXTINF = "#EXTINF:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_LIST = "#EXT-X-ENDLIST\n".getBytes(StandardCharsets.US_ASCII);

    /** How many decimal digits {@code n} (not negative) has. */
    public static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    /** Writes {@code n} (not negative) in decimal at {@code at}; returns where it ends. */
    public static int writeDigits(int n, byte[] out, int at) {
        int end = at + digits(n);
        int p = end;
        do {
            out[--p] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        return end;
    }

    /** Segments listed in a playlist file that ffmpeg writes: file name and duration, in order. */
    public record Written(String fileName, int durationMs) {}

    public static List<Written> parse(String playlist) {
        List<Written> out = new ArrayList<>();
        Integer duration = null;
        for (String line : playlist.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#EXTINF:")) {
                String value = l.substring(8);
                int comma = value.indexOf(',');
                duration = (int) Math.round(Double.parseDouble(comma < 0 ? value : value.substring(0, comma)) * 1000);
            } else if (!l.isEmpty() && !l.startsWith("#") && duration != null) {
                out.add(new Written(l, duration));
                duration = null;
            }
        }
        return out;
    }
}
