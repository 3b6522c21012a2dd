package cn.imtp.media.streaming.control;

import cn.imtp.media.hls.Playlists;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A variant playlist as written for one signing slot (its bytes), with its gzip copy made on the first request that
 * accepts gzip and kept with it: a 3-hour lecture's rung is about 650 KB of text and a fifth of that gzipped, and every viewer of
 * the slot gets the same bytes.
 */
public final class Variant {

    /** The playlist as sent (ASCII: tags and encoded URLs), written as bytes once rather than encoded on every request. */
    private final byte[] bytes;

    private volatile byte[] gzipped;

    /** When it was written ({@link System#nanoTime()}), by which thread, and how long its parts took (Server-Timing). */
    private final long writtenAt;

    private final long writer;

    private final String writing;

    /**
     * @param bytes the playlist (ASCII), kept as it is
     * @param gzipped its gzip copy if it was made while writing it, else null (made on the first request that wants it)
     */
    Variant(byte[] bytes, byte[] gzipped, String writing) {
        this.bytes = bytes;
        this.gzipped = gzipped;
        this.writing = writing;
        this.writtenAt = System.nanoTime();
        this.writer = Thread.currentThread().getId();
    }

    /**
     * How long writing it took by part ({@code asset;dur=…, rows;dur=…, sign;dur=…}) when the calling
     * thread wrote it after {@code sinceNanos} (the request that started then), else empty: a request that waited for
     * another's writing, or read a kept copy, is not told about that writing.
     */
    public String writingSince(long sinceNanos) {
        return writer == Thread.currentThread().getId() && writtenAt - sinceNanos >= 0 ? writing : "";
    }

    /** The playlist's bytes (UTF-8), as every viewer of its slot gets them; not to be changed. */
    public byte[] bytes() {
        return bytes;
    }

    /** What it weighs in a cache: its bytes and, once made, its gzip copy's. */
    public int size() {
        byte[] g = gzipped;
        return bytes.length + (g == null ? 0 : g.length);
    }

    /**
     * The playlist gzipped, made on the first request that asks and kept for the slot. Made in parts of
     * {@link #GZIP_PART} bytes on the request's thread and idle cores, each deflated on its own (fastest level) and ended
     * with a sync flush, the last finishing the stream: one gzip member, as pigz writes it; a part loses only the
     * repeats it could have found in the part before (a few hundred bytes of a 3-hour lecture's 87 KB).
     */
    byte[] gzipped(SpareCores cores) {
        byte[] g = gzipped;
        if (g == null) {
            g = gzip(bytes, cores);
            gzipped = g;
        }
        return g;
    }

    /**
     * Writes a playlist's segment lines in parts of {@code partSegments} on the calling thread and idle cores, and when
     * {@code gzip} deflates each part right after writing it, while its bytes are in that core's cache (the first part
     * with the head, the last with the end tag): returns the gzip copy, or null without {@code gzip}.
     */
    static byte[] writeInParts(Playlists.VariantText text, int partSegments, boolean gzip, SpareCores cores) {
        int n = text.segments();
        int parts = Math.max(1, (n + partSegments - 1) / partSegments);
        byte[][] deflated = gzip ? new byte[parts][] : null;
        cores.run(parts, i -> {
            int from = i * partSegments;
            int to = Math.min(n, from + partSegments);
            text.write(from, to);
            if (deflated != null) {
                boolean last = i == parts - 1;
                int start = i == 0 ? 0 : text.offsetOf(from);
                int end = last ? text.bytes().length : text.offsetOf(to);
                deflated[i] = deflate(text.bytes(), start, end, last);
            }
        });
        return deflated == null ? null : member(text.bytes(), deflated);
    }

    static final int GZIP_PART = 128 * 1024;

    static byte[] gzip(byte[] in, SpareCores cores) {
        int parts = Math.max(1, (in.length + GZIP_PART - 1) / GZIP_PART);
        byte[][] deflated = new byte[parts][];
        cores.run(
                parts,
                i -> deflated[i] =
                        deflate(in, i * GZIP_PART, Math.min(in.length, (i + 1) * GZIP_PART), i == parts - 1));
        return member(in, deflated);
    }

    /** One gzip member of {@code in} from its parts' raw deflate streams ({@link #deflate}, the last one finishing). */
    static byte[] member(byte[] in, byte[][] deflated) {
        CRC32 crc = new CRC32();
        crc.update(in);
        int size = GZIP_HEADER.length + 8;
        for (byte[] d : deflated) {
            size += d.length;
        }
        byte[] out = new byte[size];
        System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
        int p = GZIP_HEADER.length;
        for (byte[] d : deflated) {
            System.arraycopy(d, 0, out, p, d.length);
            p += d.length;
        }
        p = littleEndian((int) crc.getValue(), out, p);
        littleEndian(in.length, out, p);
        return out;
    }

    /** RFC 1952: magic, deflate, no flags, no time, fastest, operating system unknown. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 4, (byte) 0xff};

    private static int littleEndian(int value, byte[] out, int at) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }

    /** Raw deflate of {@code in[from, to)}: the last part finishes the stream, the others end on a byte boundary. */
    static byte[] deflate(byte[] in, int from, int to, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.setInput(in, from, to - from);
            if (last) {
                d.finish();
            }
            byte[] buf = new byte[Math.max(1024, (to - from) / 5)];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int space = buf.length - n;
                int written = d.deflate(buf, n, space, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                n += written;
                if (last ? d.finished() : written < space) {
                    return Arrays.copyOf(buf, n);
                }
            }
        } finally {
            d.end();
        }
    }

    /**
     * Whether an {@code Accept-Encoding} header admits gzip (RFC 9110 12.5.3): {@code gzip} or its alias {@code x-gzip}
     * with a weight above 0, or else {@code *} with a weight above 0. Names and parameters are case-insensitive.
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean anyAccepted = false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean weighted = true;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
                if (p.matches("q=0(\\.0{0,3})?")) {
                    weighted = false;
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                return weighted;
            }
            if (name.equals("*")) {
                anyAccepted = weighted;
            }
        }
        return anyAccepted;
    }
}
