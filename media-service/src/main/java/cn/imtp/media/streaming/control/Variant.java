package cn.imtp.media.streaming.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A variant playlist as written for one signing slot, with its gzip copy made on the first request that accepts gzip
 * and kept with it: a 3-hour lecture's rung is about 650 KB of text and a fifth of that gzipped, and every viewer of
 * the slot gets the same bytes.
 */
public final class Variant {

    /** The playlist as sent (its text is ASCII: URLs and tags), encoded once rather than on every request. */
    private final byte[] bytes;

    private volatile byte[] gzipped;

    /** When it was written ({@link System#nanoTime()}), by which thread, and how long its parts took (Server-Timing). */
    private final long writtenAt;

    private final long writer;

    private final String writing;

    Variant(String text) {
        this(text, "");
    }

    Variant(String text, String writing) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.writing = writing;
        this.writtenAt = System.nanoTime();
        this.writer = Thread.currentThread().getId();
    }

    /**
     * How long writing it took by part ({@code asset;dur=…, rows;dur=…, sign;dur=…, text;dur=…}) when the calling
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

    /** Its length in bytes (what it weighs in a cache). */
    public int size() {
        return bytes.length;
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The text gzipped (fastest level: it is made while a viewer waits, and kept for the slot). */
    public byte[] gzipped() {
        byte[] g = gzipped;
        if (g == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("gzip into memory cannot fail", e);
            }
            g = out.toByteArray();
            gzipped = g;
        }
        return g;
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
