package cn.imtp.ops.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variant playlists against {@code /health/live} of the same server, with wrk (Debian's package): 16 connections for
 * 10 s each, three pairs alternating which goes first, on a lesson of 15 segments; then lectures of 1,800 segments
 * (a 3-hour lecture at 6 s): the first request of a rung nothing has read yet (rows read and URLs signed), as a
 * browser makes it (gzip accepted: {@code long_cold_gzip_ms}, the server's share {@code long_cold_gzip_server_ms}) and
 * without gzip (
 * {@code long_cold_ms}, and of that the server's own time from its Server-Timing header, {@code long_cold_server_ms}), the first requests of its other rungs ({@code long_first_ms}), the next 200 of each (served
 * from the slot's copy, plain and gzipped as browsers ask), every rung read every 250 ms for 65 s across signing-slot
 * turns (the longest read), and a lecture last read more than a slot ago ({@code long_new_slot_ms}). Starts its own
 * platform (ports 28080/23307/29000, data in ops/target/bench-var) and ends with {@code RESULT playlists_per_s=…
 * live_per_s=… vs_live=… long_cold_gzip_ms=… long_cold_gzip_server_ms=… long_cold_ms=… long_cold_server_ms=…
 * long_first_ms=… long_new_slot_ms=… long_median_ms=… long_gzip_median_ms=…
 * long_max_across_slot_turns_ms=… slot_turns=… long_bytes=… long_gzip_bytes=…}.
 */
public final class PlaylistBench {

    static final int PAIRS = 3;

    /** How long a lecture made for a measure is left alone before its first read (see {@link #longLecture}). */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(3);

    static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    public static void main(String[] args) throws Exception {
        RunningPlatform.deleteRecursively(RunningPlatform.varDir());
        RunningPlatform.start();
        try {
            MediaPipelineIT.setUp();
            String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
            // 90 s at 1280×720: a ladder of several rungs of 15 segments each.
            Media.Uploaded up = Media.published(
                    teacher,
                    MediaPipelineIT.studiedUnit,
                    "VIDEO",
                    MediaFixtures.video("bench-playlists-1280x720-90s.mp4", 1280, 720, 90, true));
            String learner = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
            String masterUrl = RunningPlatform.json(Media.access(learner, up.resourceId(), null))
                    .getString("playlistUrl");
            List<String> variants = Media.uris(Media.get(masterUrl).body()).stream()
                    .map(v -> absolute(Media.resolve(masterUrl, v)))
                    .toList();
            String live = RunningPlatform.uri("/health/live").toString();
            String shortVariant = variants.get(0);
            System.out.println("variant playlist: "
                    + Media.uris(Media.get(shortVariant).body()).size() + " segments, " + variants.size() + " rungs");

            wrk(live);
            wrk(shortVariant);
            List<Double> ratios = new ArrayList<>();
            double playlists = 0;
            double lives = 0;
            for (int pair = 1; pair <= PAIRS; pair++) {
                double p;
                double l;
                if (pair % 2 == 1) {
                    l = wrk(live);
                    p = wrk(shortVariant);
                } else {
                    p = wrk(shortVariant);
                    l = wrk(live);
                }
                System.out.printf(
                        Locale.ROOT, "pair %d: playlists %.0f/s, /health/live %.0f/s, ratio %.3f%n", pair, p, l, p / l);
                ratios.add(p / l);
                playlists += p / PAIRS;
                lives += l / PAIRS;
            }

            // Two lectures of their own content, every rung grown to 1,800 segments (a 3-hour lecture at 6 s) before
            // anything
            // reads them: the first warms the write path up (as on a node that has served for a while), the second is
            // measured. Its first rung's first request reads 1,800 segment rows and signs 1,800 URLs (the coldest read
            // there is); that read has the lecture's other rungs written in the background, so their first requests
            // follow.
            List<String> warmRungs = longLecture(teacher, learner, 1);
            for (int i = 0; i < warmRungs.size(); i++) {
                String variant = warmRungs.get(i);
                long t0 = System.nanoTime();
                // The first rung read plainly, the others as browsers read them (gzip: written and deflated in parts).
                if (i == 0) {
                    Media.get(variant);
                } else {
                    Media.HTTP.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(variant))
                                    .header("Accept-Encoding", "gzip")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                }
                System.out.printf(
                        Locale.ROOT,
                        "warm-up lecture, rung %s: first request %.1f ms%n",
                        rung(variant),
                        (System.nanoTime() - t0) / 1e6);
            }
            List<String> longRungs = longLecture(teacher, learner, 2);
            long cold = 0;
            double coldServer = 0;
            List<Long> firsts = new ArrayList<>();
            List<Long> cached = new ArrayList<>();
            List<Long> gzipped = new ArrayList<>();
            int bytes = 0;
            int gzipBytes = 0;
            // First requests back to back, as a player that switches rungs at once (or viewers on different rungs)
            // makes them.
            for (String variant : longRungs) {
                long t0 = System.nanoTime();
                long[] headersAt = new long[1];
                // Received as bytes (as a player does): Java's decoding of 650 KB into a String is not the server's.
                HttpResponse<byte[]> first = Media.HTTP.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(variant))
                                .build(),
                        headersArrived(HttpResponse.BodyHandlers.ofByteArray(), headersAt));
                long us = (System.nanoTime() - t0) / 1_000;
                if (variant.equals(longRungs.get(0))) {
                    cold = us;
                } else {
                    firsts.add(us);
                }
                bytes = first.body().length;
                double server = serverMillis(first);
                if (variant.equals(longRungs.get(0))) {
                    coldServer = server;
                }
                System.out.printf(
                        Locale.ROOT,
                        "measured lecture, rung %s: %d segments, %d bytes, first request %.1f ms, headers after %.1f"
                                + " ms (server %.1f ms: %s)%n",
                        rung(variant),
                        Media.uris(new String(first.body(), StandardCharsets.US_ASCII))
                                .size(),
                        bytes,
                        us / 1000.0,
                        (headersAt[0] - t0) / 1e6,
                        server,
                        first.headers().firstValue("Server-Timing").orElse("-"));
            }
            // A third lecture, its first read made as a browser (hls.js) makes it: with Accept-Encoding: gzip, so the
            // server writes the playlist, gzips it and sends a fifth of the bytes.
            List<String> browserRungs = longLecture(teacher, learner, 3);
            long coldGzip = 0;
            double coldGzipServer = 0;
            for (String variant : browserRungs) {
                java.net.http.HttpRequest asBrowser = java.net.http.HttpRequest.newBuilder(java.net.URI.create(variant))
                        .header("Accept-Encoding", "gzip")
                        .build();
                long t0 = System.nanoTime();
                long[] headersAt = new long[1];
                HttpResponse<byte[]> first =
                        Media.HTTP.send(asBrowser, headersArrived(HttpResponse.BodyHandlers.ofByteArray(), headersAt));
                long us = (System.nanoTime() - t0) / 1_000;
                if (first.statusCode() != 200
                        || !"gzip"
                                .equals(first.headers()
                                        .firstValue("Content-Encoding")
                                        .orElse(""))) {
                    throw new IllegalStateException("not a gzipped playlist: " + first.statusCode());
                }
                if (variant.equals(browserRungs.get(0))) {
                    coldGzip = us;
                    coldGzipServer = serverMillis(first);
                } else {
                    firsts.add(us);
                }
                System.out.printf(
                        Locale.ROOT,
                        "browser's lecture, rung %s: %d gzipped bytes, first request %.1f ms, headers after %.1f ms"
                                + " (server %.1f ms: %s)%n",
                        rung(variant),
                        first.body().length,
                        us / 1000.0,
                        (headersAt[0] - t0) / 1e6,
                        serverMillis(first),
                        first.headers().firstValue("Server-Timing").orElse("-"));
            }
            for (String variant : longRungs) {
                for (int i = 0; i < 200; i++) {
                    long t = System.nanoTime();
                    Media.get(variant);
                    cached.add((System.nanoTime() - t) / 1_000);
                }
                // As a browser asks for it (every browser accepts gzip): the slot's gzip copy.
                java.net.http.HttpRequest zipped = java.net.http.HttpRequest.newBuilder(java.net.URI.create(variant))
                        .header("Accept-Encoding", "gzip")
                        .build();
                for (int i = 0; i < 200; i++) {
                    long t = System.nanoTime();
                    gzipBytes = Media.HTTP
                            .send(zipped, HttpResponse.BodyHandlers.ofByteArray())
                            .body()
                            .length;
                    gzipped.add((System.nanoTime() - t) / 1_000);
                }
            }
            // Every long rung read every 250 ms across slot turns (30-s slots here: LMS_STREAM_URL_MINUTES=1 in
            // ops/bench/playlists):
            // the playlist of the next slot was written ahead, so no reader waits for 1,800 URLs to be signed.
            long turnMax = 0;
            List<Long> turns = new ArrayList<>();
            long until = System.nanoTime() + 65_000_000_000L;
            String before = "";
            while (System.nanoTime() < until) {
                for (String variant : longRungs) {
                    long t = System.nanoTime();
                    String body = Media.get(variant).body();
                    long us = (System.nanoTime() - t) / 1_000;
                    turnMax = Math.max(turnMax, us);
                    String signedAt = body.replaceAll("(?s)^.*?X-Amz-Date=([0-9TZ]+).*$", "$1");
                    if (variant.equals(longRungs.get(0)) && !signedAt.equals(before)) {
                        if (!before.isEmpty()) {
                            turns.add(us);
                            System.out.printf(
                                    Locale.ROOT,
                                    "slot turned (URLs signed at %s): first read %.1f ms%n",
                                    signedAt,
                                    us / 1000.0);
                        }
                        before = signedAt;
                    }
                }
                Thread.sleep(250);
            }
            // The warm-up lecture, last read more than a slot ago: its playlists were not written ahead (nobody read
            // them near
            // the slot's end), but its segment lists are kept, so a first request only signs.
            long newSlot = 0;
            for (String variant : warmRungs) {
                long t = System.nanoTime();
                Media.get(variant);
                long us = (System.nanoTime() - t) / 1_000;
                newSlot = Math.max(newSlot, us);
                System.out.printf(
                        Locale.ROOT,
                        "warm-up lecture again, a slot later, rung %s: %.1f ms%n",
                        rung(variant),
                        us / 1000.0);
            }
            Collections.sort(cached);
            Collections.sort(gzipped);
            Collections.sort(ratios);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT playlists_per_s=%.0f live_per_s=%.0f vs_live=%.3f long_cold_gzip_ms=%.1f"
                            + " long_cold_gzip_server_ms=%.1f long_cold_ms=%.1f long_cold_server_ms=%.1f"
                            + " long_first_ms=%.1f"
                            + " long_new_slot_ms=%.1f long_median_ms=%.1f long_gzip_median_ms=%.1f long_max_across_slot_turns_ms=%.1f slot_turns=%d"
                            + " long_bytes=%d long_gzip_bytes=%d%n",
                    playlists,
                    lives,
                    ratios.get(ratios.size() / 2),
                    coldGzip / 1000.0,
                    coldGzipServer,
                    cold / 1000.0,
                    coldServer,
                    firsts.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0,
                    newSlot / 1000.0,
                    cached.get(cached.size() / 2) / 1000.0,
                    gzipped.get(gzipped.size() / 2) / 1000.0,
                    turnMax / 1000.0,
                    turns.size(),
                    bytes,
                    gzipBytes);
        } finally {
            RunningPlatform.stop();
        }
    }

    /** {@code handler}, noting in {@code at[0]} when the response's headers arrived ({@link System#nanoTime()}). */
    static <T> HttpResponse.BodyHandler<T> headersArrived(HttpResponse.BodyHandler<T> handler, long[] at) {
        return info -> {
            at[0] = System.nanoTime();
            return handler.apply(info);
        };
    }

    /** The server's own time for a request (its grant and playlist Server-Timing durations; the parts of writing are in the latter), in milliseconds; 0 without. */
    static double serverMillis(HttpResponse<?> r) {
        return Pattern.compile("(?:grant|playlist);dur=([0-9.]+)")
                .matcher(r.headers().firstValue("Server-Timing").orElse(""))
                .results()
                .mapToDouble(m -> Double.parseDouble(m.group(1)))
                .sum();
    }

    /** Requests per second wrk measured on {@code url}: 2 threads, 16 connections, 10 s. */
    static double wrk(String url) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c16", "-d10s", url)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = RATE.matcher(out);
        if (!m.find() || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk on " + url + ": " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The rendition's first segment row repeated up to {@code count}: a lecture of that length as far as the playlist goes. */
    static void grow(String assetId, String rendition, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms")) {
            int durationMs;
            long bytes;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT duration_ms, bytes FROM media_segment WHERE asset_id = ? AND rendition = ? AND seq = 0")) {
                q.setString(1, assetId);
                q.setString(2, rendition);
                try (var r = q.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("no segment 0 of " + rendition);
                    }
                    durationMs = r.getInt(1);
                    bytes = r.getLong(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT IGNORE INTO media_segment (asset_id, rendition, seq, duration_ms, bytes) VALUES (?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq < count; seq++) {
                    s.setString(1, assetId);
                    s.setString(2, rendition);
                    s.setInt(3, seq);
                    s.setInt(4, durationMs);
                    s.setLong(5, bytes);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** A 30-s lecture of its own content ({@code variant}: its tone), published, every rung grown to 1,800 segments: its variant URLs. */
    static List<String> longLecture(String teacher, String learner, int variant) throws Exception {
        Media.Uploaded up = Media.published(
                teacher,
                MediaPipelineIT.studiedUnit,
                "VIDEO",
                MediaFixtures.lesson("bench-playlists-lecture-" + variant + ".mp4", 1280, 720, 30, variant));
        String master = RunningPlatform.json(Media.access(learner, up.resourceId(), null))
                .getString("playlistUrl");
        List<String> rungs = Media.uris(Media.get(master).body()).stream()
                .map(v -> absolute(Media.resolve(master, v)))
                .toList();
        for (String variantUrl : rungs) {
            grow(up.asset().getString("id"), rung(variantUrl), 1_800);
        }
        // A transcode writes its rows over minutes, and its publication's work is over when a first viewer comes;
        // here 5,400 rows were written at once and the lecture published moments ago: their writing is let end
        // before the first read is timed.
        Thread.sleep(SETTLE.toMillis());
        return rungs;
    }

    private static String rung(String variantUrl) {
        return variantUrl.replaceAll("^.*/([^/?]+)\\.m3u8.*$", "$1");
    }

    private static String absolute(String url) {
        return url.startsWith("http") ? url : RunningPlatform.uri(url).toString();
    }
}
