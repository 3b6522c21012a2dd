package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input and faults, each with its outcome: files that are not what they claim, limits, an upload
 * left half way, ffmpeg killed during a job, object storage that stops answering. The platform runs
 * with short limits for this (RunningPlatform: 2 attempts, 100 MB, abandoned after 1 minute, storage
 * timeout 5 s).
 */
@ExtendWith(RunningPlatform.class)
class MediaFaultsIT {

    static String teacher;
    static long unit;

    @BeforeAll
    static void setUp() throws Exception {
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        MediaPipelineIT.setUp();
        unit = MediaPipelineIT.studiedUnit;
    }

    private static JsonObject ticketFor(Path file, String kind) throws Exception {
        long id = Media.resource(
                teacher, "LEARNING", kind, unit, file.getFileName().toString());
        return Media.newVersion(teacher, id, file.getFileName().toString(), Files.size(file));
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnyUpload() throws Exception {
        long id = Media.resource(teacher, "LEARNING", "VIDEO", unit, "空文件");
        HttpResponse<String> r = RunningPlatform.call(
                teacher, "POST", "/api/resources/" + id + "/versions", "{\"fileName\":\"empty.mp4\",\"size\":0}");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(RunningPlatform.json(r).getJsonArray("errors").toString().contains("size"));
        JsonObject ticket = Media.newVersion(teacher, id, "empty.mp4", 1);
        HttpResponse<String> start =
                Media.post(ticket.getString("uploadUrl"), "{\"fileName\":\"empty.mp4\",\"size\":0}");
        assertEquals(422, start.statusCode(), start.body());
        assertTrue(start.body().contains("文件是空的"), start.body());
    }

    @Test
    void aTextFileNamedMp4IsRejectedWithTheReason() throws Exception {
        Path fake = MediaFixtures.text("notes.mp4", "这不是视频，只是一段文字。".repeat(50));
        JsonObject ticket = ticketFor(fake, "VIDEO");
        HttpResponse<String> r = Media.upload(ticket, fake);
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("rejected-file", RunningPlatform.json(r).getString("type").replaceAll(".*:", ""));
        assertTrue(r.body().contains("这不是视频或音频文件"), r.body());
        JsonObject asset = Media.status(ticket);
        assertEquals("REJECTED", asset.getString("state"));
        assertTrue(asset.getString("reason").contains("not a video or audio file"));
        assertForPeople(r.body());
        assertForPeople(asset.getString("reason"));
        HttpResponse<String> publish = RunningPlatform.call(
                teacher,
                "POST",
                "/api/resources/" + ticket.getJsonNumber("resourceId") + "/versions/" + ticket.getInt("version")
                        + "/publish",
                null);
        assertEquals(409, publish.statusCode(), "a refused file is never published: " + publish.body());
        assertTrue(publish.body().contains("REJECTED"), publish.body());
    }

    /** A reason a teacher or a learner reads: Chinese first, and nothing of the storage behind it or of the tools. */
    static void assertForPeople(String text) {
        assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), text);
        for (String internal : List.of(
                "http",
                "X-Amz",
                RunningPlatform.S3_ACCESS_KEY,
                RunningPlatform.BUCKET,
                "127.0.0.1",
                "ffprobe",
                "ffmpeg",
                "Exception",
                "0x")) {
            assertTrue(!text.contains(internal), "'" + internal + "' in: " + text);
        }
    }

    @Test
    void aStillImageNamedMp4IsCalledAnImage() throws Exception {
        Path photo = MediaFixtures.still("photo.mp4");
        JsonObject ticket = ticketFor(photo, "VIDEO");
        HttpResponse<String> r = Media.upload(ticket, photo);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("这是一张图片"), r.body());
        assertForPeople(r.body());
    }

    @Test
    void aFileCutShortEndsRejectedOrFailedNeverStuckAndTheReasonIsForPeople() throws Exception {
        Path mkv = MediaFixtures.video("whole-6s.mkv", 640, 360, 6, true);
        Path cut = MediaFixtures.head(mkv, 3000);
        JsonObject ticket = ticketFor(cut, "VIDEO");
        HttpResponse<String> r = Media.upload(ticket, cut);
        assertTrue(r.statusCode() == 422 || r.statusCode() == 202, r.statusCode() + " " + r.body());
        JsonObject asset = Media.await(ticket, java.time.Duration.ofMinutes(2), "READY", "FAILED", "REJECTED");
        assertTrue(List.of("FAILED", "REJECTED").contains(asset.getString("state")), asset.toString());
        assertForPeople(asset.getString("reason"));
        String grant = ticket.getString("grant");
        HttpResponse<String> master =
                RunningPlatform.get("/media/api/play/" + ticket.getString("assetId") + "/master.m3u8?grant=" + grant);
        assertTrue(
                master.statusCode() >= 400,
                "no empty playlist for a file that will never play: " + master.statusCode() + " " + master.body());
    }

    @Test
    void aFileCutShortWithItsIndexAtTheFrontPlaysWhatItHoldsAndSaysSo() throws Exception {
        Path whole = MediaFixtures.faststart("faststart-10s.mp4", 10);
        Path cut = MediaFixtures.head(whole, (int) (java.nio.file.Files.size(whole) * 6 / 10));
        JsonObject ticket = ticketFor(cut, "VIDEO");
        HttpResponse<String> r = Media.upload(ticket, cut);
        assertEquals(202, r.statusCode(), r.body());
        JsonObject asset = Media.await(ticket, java.time.Duration.ofMinutes(2), "READY", "FAILED", "REJECTED");
        assertEquals("READY", asset.getString("state"), asset.toString());
        long ms = asset.getJsonNumber("durationMs").longValue();
        assertTrue(ms > 2_000 && ms < 9_000, "the duration actually encoded, not the 10 s announced: " + asset);
        assertTrue(asset.getString("reason").startsWith("文件不完整：只有前 " + ms / 1000 + " 秒可播放"), asset.toString());
    }

    @Test
    void anAssetLeftProcessingAfterItsJobFailedIsSweptToFailed() throws Exception {
        Path video = MediaFixtures.video("stranded-2s.mp4", 320, 180, 2, true);
        JsonObject ticket = ticketFor(video, "VIDEO");
        assertEquals(202, Media.upload(ticket, video).statusCode());
        assertEquals(
                "READY",
                Media.await(ticket, java.time.Duration.ofMinutes(2), "READY", "FAILED")
                        .getString("state"));
        // As when saving FAILED itself failed: the job ended FAILED, the asset still says PROCESSING.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms")) {
            for (String sql : List.of(
                    "UPDATE transcode_job SET state = 'FAILED' WHERE asset_id = ?",
                    "UPDATE media_asset SET state = 'PROCESSING' WHERE id = ?")) {
                try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, ticket.getString("assetId"));
                    assertEquals(1, s.executeUpdate());
                }
            }
        }
        JsonObject swept = Media.await(ticket, java.time.Duration.ofSeconds(30), "FAILED");
        assertEquals("FAILED", swept.getString("state"));
        assertTrue(swept.getString("reason").contains("转码失败"), swept.toString());
    }

    @Test
    void aTruncatedMp4WithoutItsIndexIsRejected() throws Exception {
        Path cut = MediaFixtures.truncated(MediaFixtures.video("whole-4s.mp4", 640, 360, 4, true));
        HttpResponse<String> r = Media.upload(ticketFor(cut, "VIDEO"), cut);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("moov"), r.body());
    }

    @Test
    void aDocumentThatIsNotOneIsRejected() throws Exception {
        Path fake = MediaFixtures.text("slides.pptx", "plain text pretending to be slides");
        HttpResponse<String> r = Media.upload(ticketFor(fake, "DOCUMENT"), fake);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("不是 PDF 或 Office 文档"), r.body());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeAnyByteIsSent() throws Exception {
        long id = Media.resource(teacher, "LEARNING", "VIDEO", unit, "超大文件");
        long size = RunningPlatform.MAX_UPLOAD_BYTES + 1;
        JsonObject ticket = Media.newVersion(teacher, id, "huge.mp4", size);
        HttpResponse<String> r = Media.post(
                ticket.getString("uploadUrl"),
                Json.createObjectBuilder()
                        .add("fileName", "huge.mp4")
                        .add("size", size)
                        .build()
                        .toString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("超过了 " + RunningPlatform.MAX_UPLOAD_BYTES + " 字节的上限"), r.body());
    }

    @Test
    void anUploadAbandonedHalfWayIsAbortedAfterTheConfiguredTime() throws Exception {
        Path video = MediaFixtures.video("abandoned-720p-12s.mp4", 1280, 720, 12, true);
        JsonObject ticket = ticketFor(video, "VIDEO");
        JsonObject started = RunningPlatform.json(Media.start(ticket, video));
        assertTrue(started.getInt("partCount") >= 2);
        Media.sendParts(ticket, video, started.getJsonNumber("partSize").longValue(), List.of(1));
        JsonObject asset = Media.await(ticket, Duration.ofMinutes(3), "ABANDONED");
        assertTrue(asset.getString("reason").contains("not completed within 1 minutes"), asset.toString());
        HttpResponse<String> late = Media.post(Media.uploadPath(ticket, "/parts"), "{\"numbers\":[2]}");
        assertEquals(409, late.statusCode(), late.body());
    }

    @Test
    void ffmpegKilledMidJobIsRetriedThenFailsWithTheReasonAndATeacherCanRetryIt() throws Exception {
        Path video = MediaFixtures.video("long-720p-40s.mp4", 1280, 720, 40, true);
        JsonObject ticket = ticketFor(video, "VIDEO");
        assertEquals(202, Media.upload(ticket, video).statusCode());
        String assetId = ticket.getString("assetId");

        killFfmpegOf(assetId);
        JsonObject afterFirst =
                Media.awaitJob(ticket, j -> j.getInt("attempts") == 2 && "RUNNING".equals(j.getString("state")));
        assertFalse(afterFirst.toString().contains("ffmpeg"), "what ffmpeg said stays in the log: " + afterFirst);

        killFfmpegOf(assetId);
        JsonObject failed = Media.await(ticket, Duration.ofMinutes(2), "FAILED");
        assertEquals("FAILED", failed.getJsonObject("job").getString("state"));
        assertTrue(failed.getString("reason").startsWith("转码失败"), failed.toString());
        assertForPeople(failed.toString());

        HttpResponse<String> retry =
                Media.post(Media.uploadPath(ticket, "/retry").replace("/uploads/", "/assets/"), null);
        assertEquals(202, retry.statusCode(), retry.body());
        JsonObject done = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", done.getString("state"), done.toString());
    }

    @Test
    void storageThatStopsAnsweringIsA503AndAcceptedWorkResumesWhenItIsBack() throws Exception {
        Path video = MediaFixtures.video("outage-640x360-10s.mp4", 640, 360, 10, true);
        JsonObject accepted = ticketFor(video, "VIDEO");
        assertEquals(202, Media.upload(accepted, video).statusCode());
        ProcessHandle s3proxy = s3proxy();
        signal("STOP", s3proxy);
        try {
            JsonObject other = ticketFor(video, "VIDEO");
            long t0 = System.nanoTime();
            HttpResponse<String> refused = Media.start(other, video);
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("对象存储"), refused.body());
            assertForPeople(refused.body());
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 30,
                    "a storage outage must not hang requests");
            Thread.sleep(8000);
        } finally {
            signal("CONT", s3proxy);
        }
        JsonObject done = Media.await(accepted, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", done.getString("state"), done.toString());
    }

    @Test
    void aJobWhoseWorkerStoppedIsTakenUpAgainWhenItsLeaseRunsOut() throws Exception {
        Path video = MediaFixtures.video("takeover-720p-32s.mp4", 1280, 720, 32, true);
        JsonObject ticket = ticketFor(video, "VIDEO");
        assertEquals(202, Media.upload(ticket, video).statusCode());
        Media.awaitJob(ticket, j -> "RUNNING".equals(j.getString("state")) && j.getInt("attempts") == 1);
        // As if the node running it had died: another worker name holds a lease that has run out.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                java.sql.PreparedStatement s = c.prepareStatement(
                        "UPDATE transcode_job SET worker = 'node-that-died#0',"
                                + " lease_until = NOW(3) - INTERVAL 1 SECOND WHERE asset_id = ? AND state = 'RUNNING'")) {
            s.setString(1, ticket.getString("assetId"));
            assertEquals(1, s.executeUpdate());
        }
        JsonObject done = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", done.getString("state"), done.toString());
        assertEquals(2, done.getJsonObject("job").getInt("attempts"), done.toString());
    }

    @Test
    void concurrentWorkersNeverTakeTheSameJob() throws Exception {
        List<JsonObject> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path video = MediaFixtures.video("parallel-" + i + "-480x270-3s.mp4", 480, 270 + 2 * i, 3, true);
            JsonObject ticket = ticketFor(video, "VIDEO");
            assertEquals(202, Media.upload(ticket, video).statusCode());
            tickets.add(ticket);
        }
        for (JsonObject ticket : tickets) {
            JsonObject done = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
            assertEquals("READY", done.getString("state"), done.toString());
            assertEquals(1, done.getJsonObject("job").getInt("attempts"), done.toString());
        }
    }

    /** The embedded object store's process (S3Proxy). */
    static ProcessHandle s3proxy() {
        return ProcessHandle.allProcesses()
                .filter(p -> MediaFixtures.commandLine(p).contains("org.gaul.s3proxy"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("S3Proxy is not running"));
    }

    static void signal(String name, ProcessHandle p) throws Exception {
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + name, Long.toString(p.pid()))
                        .inheritIO()
                        .start()
                        .waitFor());
    }

    /** Waits for this asset's ffmpeg to run, then kills it as the OOM killer would. */
    private static void killFfmpegOf(String assetId) throws Exception {
        ProcessHandle ffmpeg = ffmpegOf(assetId);
        Thread.sleep(1500); // let it write a segment or two
        signal("KILL", ffmpeg);
    }

    /**
     * The queue is fair: two long lectures (over the 10-s short-lane limit here) hold both general workers (their ffmpeg
     * stopped with SIGSTOP, as if they ran for hours), yet a short clip becomes playable at once on the short lane; with
     * the short lane held too, each waiting upload is told how many jobs go before it and about how long it waits; once
     * the workers go on, every job ends READY.
     */
    @Test
    void aShortClipDoesNotWaitBehindLongJobsAndWaitingUploadsSeeTheirPlace() throws Exception {
        List<ProcessHandle> stopped = new java.util.ArrayList<>();
        List<JsonObject> all = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                holdWhileRunning(
                        MediaFixtures.video(
                                "queue-long-" + i + "-640x" + (360 + 2 * i) + "-14s.mp4", 640, 360 + 2 * i, 14, true),
                        all,
                        stopped);
            }
            Path clip = MediaFixtures.video("queue-short-320x180-3s.mp4", 320, 180, 3, true);
            JsonObject shortTicket = ticketFor(clip, "VIDEO");
            long t0 = System.nanoTime();
            assertEquals(202, Media.upload(shortTicket, clip).statusCode());
            all.add(shortTicket);
            JsonObject ready = Media.await(shortTicket, Duration.ofSeconds(60), "READY", "FAILED");
            long playableMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("READY", ready.getString("state"), ready.toString());
            for (JsonObject lecture : all.subList(0, 2)) {
                JsonObject job = Media.status(lecture).getJsonObject("job");
                assertEquals("RUNNING", job.getString("state"), "the long jobs still hold the general workers: " + job);
            }
            System.out.println("A 3-s clip became READY " + playableMs
                    + " ms after its upload while two long jobs held the general workers");

            // The short lane held as well: a 9-s clip (still short here) stopped while it runs.
            holdWhileRunning(MediaFixtures.video("queue-held-1280x720-9s.mp4", 1280, 720, 9, true), all, stopped);

            List<JsonObject> waiting = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path file = i == 1
                        ? MediaFixtures.video("queue-wait-long-640x364-14s.mp4", 640, 364, 14, true)
                        : MediaFixtures.video(
                                "queue-wait-" + i + "-320x" + (184 + 2 * i) + "-2s.mp4", 320, 184 + 2 * i, 2, true);
                JsonObject ticket = ticketFor(file, "VIDEO");
                assertEquals(202, Media.upload(ticket, file).statusCode());
                waiting.add(ticket);
                all.add(ticket);
            }
            for (int i = 0; i < waiting.size(); i++) {
                JsonObject job = Media.status(waiting.get(i)).getJsonObject("job");
                assertEquals("QUEUED", job.getString("state"), job.toString());
                assertEquals(i, job.getInt("ahead"), "its place in the queue: " + job);
                assertTrue(
                        job.getJsonNumber("waitSeconds").longValue() > 0,
                        "the stopped jobs still have source to encode: " + job);
            }
        } finally {
            for (ProcessHandle p : stopped) {
                signal("CONT", p);
            }
        }
        for (JsonObject ticket : all) {
            JsonObject done = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
            assertEquals("READY", done.getString("state"), done.toString());
            assertFalse(
                    done.getJsonObject("job").containsKey("ahead"),
                    "a job that ran has no place in the queue: " + done);
        }
    }

    /** Uploads a video and stops its ffmpeg with SIGSTOP once it runs, as if it took hours: its worker stays busy. */
    private static void holdWhileRunning(Path video, List<JsonObject> uploaded, List<ProcessHandle> stopped)
            throws Exception {
        JsonObject ticket = ticketFor(video, "VIDEO");
        assertEquals(202, Media.upload(ticket, video).statusCode());
        uploaded.add(ticket);
        ProcessHandle ffmpeg = ffmpegOf(ticket.getString("assetId"));
        signal("STOP", ffmpeg);
        stopped.add(ffmpeg);
    }

    /** Waits for this asset's ffmpeg to run and returns it. */
    static ProcessHandle ffmpegOf(String assetId) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            Optional<ProcessHandle> ffmpeg = ProcessHandle.allProcesses()
                    .filter(p -> {
                        String cmd = MediaFixtures.commandLine(p);
                        return cmd.contains("ffmpeg") && cmd.contains("-var_stream_map") && cmd.contains(assetId);
                    })
                    .findFirst();
            if (ffmpeg.isPresent()) {
                return ffmpeg.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("ffmpeg never ran for " + assetId);
    }
}
