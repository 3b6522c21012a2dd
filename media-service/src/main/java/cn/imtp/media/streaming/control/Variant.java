package cn.imtp.media.streaming.control;

import cn.imtp.media.hls.Playlists;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A variant playlist as written for one signing slot (its bytes, in the parts it was written in), with its gzip copy
 * made on the first request that accepts gzip and kept with it: a 3-hour lecture's rung is about 650 KB of text and a
 * fifth of that gzipped, and every viewer of the slot gets the same bytes. No array of it is near G1's humongous size
 * (parts of {@link Playback#SIGNING_PART} segments are about 46 KB), so neither writing it nor sending it (the server
 * copies what the socket does not take at once) allocates outside the young generation.
 */
public final class Variant {

    /** The playlist as sent (ASCII: tags and encoded URLs), written as bytes once rather than encoded on every request. */
    private final byte[][] parts;

    private final long length;

    private volatile byte[] gzipped;

    /** When it was written ({@link System#nanoTime()}), by which thread, and how long its parts took (Server-Timing). */
    private final long writtenAt;

    private final long writer;

    private final String writing;

    /**
     * @param parts the playlist (ASCII) in parts, kept as they are
     * @param gzipped its gzip copy if it was made while writing it, else null (made on the first request that wants it)
     */
    Variant(byte[][] parts, byte[] gzipped, String writing) {
        this.parts = parts;
        this.length = length(parts);
        this.gzipped = gzipped;
        this.writing = writing;
        this.writtenAt = System.nanoTime();
        this.writer = Thread.currentThread().getId();
    }

    private static long length(byte[][] parts) {
        long n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        return n;
    }

    /**
     * How long writing it took by part ({@code asset;dur=…, rows;dur=…, sign;dur=…}) when the calling
     * thread wrote it after {@code sinceNanos} (the request that started then), else empty: a request that waited for
     * another's writing, or read a kept copy, is not told about that writing.
     */
    public String writingSince(long sinceNanos) {
        return writer == Thread.currentThread().getId() && writtenAt - sinceNanos >= 0 ? writing : "";
    }

    /** How many bytes the playlist has (as sent without gzip). */
    public long length() {
        return length;
    }

    /** Sends the playlist's bytes, part after part. */
    public void writeTo(OutputStream out) throws IOException {
        for (byte[] p : parts) {
            out.write(p);
        }
    }

    /** What it weighs in a cache: its bytes and, once made, its gzip copy's. */
    public long size() {
        byte[] g = gzipped;
        return length + (g == null ? 0 : g.length);
    }

    /**
     * The playlist gzipped, made on the first request that asks and kept for the slot. Its parts are deflated on the
     * request's thread and idle cores, each on its own (fastest level) and ended with a sync flush, the last finishing
     * the stream: one gzip member, as pigz writes it; a part loses only the repeats it could have found in the part
     * before (a few hundred bytes of a 3-hour lecture's 90 KB).
     */
    byte[] gzipped(SpareCores cores) {
        byte[] g = gzipped;
        if (g == null) {
            g = gzip(parts, cores);
            gzipped = g;
        }
        return g;
    }

    /**
     * Writes a playlist's parts on the calling thread and idle cores, and when {@code gzip} deflates each part right
     * after writing it, while its bytes are in that core's cache: returns the gzip copy, or null without {@code gzip}.
     */
    static byte[] writeInParts(Playlists.VariantText text, boolean gzip, SpareCores cores) {
        int n = text.parts();
        byte[][] deflated = gzip ? new byte[n][] : null;
        cores.run(n, i -> {
            text.write(i);
            if (deflated != null) {
                deflated[i] = deflate(text.part(i), i == n - 1);
            }
        });
        return deflated == null ? null : member(text.allParts(), deflated);
    }

    static byte[] gzip(byte[][] parts, SpareCores cores) {
        byte[][] deflated = new byte[parts.length][];
        cores.run(parts.length, i -> deflated[i] = deflate(parts[i], i == parts.length - 1));
        return member(parts, deflated);
    }

    /** One gzip member of {@code parts} from their raw deflate streams ({@link #deflate}, the last one finishing). */
    static byte[] member(byte[][] parts, byte[][] deflated) {
        CRC32 crc = new CRC32();
        for (byte[] p : parts) {
            crc.update(p);
        }
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
        littleEndian((int) length(parts), out, p);
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

    /** Raw deflate of {@code in}: the last part finishes the stream, the others end on a byte boundary. */
    static byte[] deflate(byte[] in, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.setInput(in);
            if (last) {
                d.finish();
            }
            byte[] buf = new byte[Math.max(1024, in.length / 5)];
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
