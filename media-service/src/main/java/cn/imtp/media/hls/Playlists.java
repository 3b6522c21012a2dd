package cn.imtp.media.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

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

    /**
     * A variant playlist. While encoding runs it is an EVENT playlist that only grows; once the
     * rendition is complete it is VOD and ends with EXT-X-ENDLIST.
     */
    public static String variant(
            List<Segment> segments, boolean complete, int hlsTimeSeconds, IntFunction<String> segmentUrl) {
        return variant(
                segments,
                complete,
                hlsTimeSeconds,
                segments.stream().map(s -> segmentUrl.apply(s.seq())).toList());
    }

    /** The same with each segment's URL given, in the segments' order (made beforehand, e.g. on several threads). */
    public static String variant(List<Segment> segments, boolean complete, int hlsTimeSeconds, List<String> urls) {
        if (urls.size() != segments.size()) {
            throw new IllegalArgumentException(urls.size() + " URLs for " + segments.size() + " segments");
        }
        int target = hlsTimeSeconds;
        for (Segment s : segments) {
            target = Math.max(target, (s.durationMs() + 999) / 1000);
        }
        // Sized once: a 3-hour lecture's playlist is 650 KB, and growing the buffer copies it several times over.
        int size = 200;
        for (String url : urls) {
            size += url.length() + 24;
        }
        StringBuilder v = new StringBuilder(size)
                .append("#EXTM3U\n#EXT-X-VERSION:4\n")
                .append("#EXT-X-PLAYLIST-TYPE:")
                .append(complete ? "VOD" : "EVENT")
                .append('\n')
                .append("#EXT-X-TARGETDURATION:")
                .append(target)
                .append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            // Seconds with three decimals, without String.format: a long lecture has 1,800 of these lines.
            int ms = Math.max(0, s.durationMs());
            v.append("#EXTINF:")
                    .append(ms / 1000)
                    .append('.')
                    .append((char) ('0' + ms / 100 % 10))
                    .append((char) ('0' + ms / 10 % 10))
                    .append((char) ('0' + ms % 10))
                    .append(",\n")
                    .append(urls.get(i))
                    .append('\n');
        }
        if (complete) {
            v.append("#EXT-X-ENDLIST\n");
        }
        return v.toString();
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
