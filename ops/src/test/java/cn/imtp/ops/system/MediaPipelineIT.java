package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resources from upload to playback against the real stack: multipart straight to S3Proxy, resumed
 * after a "reload", probed, transcoded by the bundled ffmpeg in one pass, served per viewer.
 */
@ExtendWith(RunningPlatform.class)
class MediaPipelineIT {

    static String teacher;
    static String learner;
    static String admin;
    /** A unit in the demo class's plan (learner01 studies it) and one that is not. */
    static long studiedUnit;
    /**
     * A unit of the demo class's plan whose credit no other test counts exactly (the first is AttendanceIT's, the second
     * ClassDayIT's, the last two ClassDayIT's live lesson and AttendanceAdversaryIT's).
     */
    static long spareUnit;

    static long otherUnit;

    @BeforeAll
    static void setUp() throws Exception {
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        learner = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        // The demo class, as its learners see it (other tests add classes of their own).
        String demoLearner = RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD);
        long classId = RunningPlatform.json(RunningPlatform.call(demoLearner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long planId = RunningPlatform.json(RunningPlatform.call(demoLearner, "GET", "/api/classes/" + classId, null))
                .getJsonNumber("planId")
                .longValue();
        jakarta.json.JsonArray planUnits = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                .getJsonArray("units");
        studiedUnit = planUnits.getJsonObject(0).getJsonNumber("id").longValue();
        spareUnit = planUnits.getJsonObject(2).getJsonNumber("id").longValue();
        otherUnit = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/catalogue/tables/L1/LIVE_SELLER", null))
                .getJsonArray("modules")
                .getJsonObject(0)
                .getJsonArray("courses")
                .getJsonObject(0)
                .getJsonArray("units")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    @Test
    void aLessonUploadedInPartsResumesAfterAReloadAndPlaysAsAnAlignedLadder() throws Exception {
        Path video = MediaFixtures.video("lesson-720p-20s.mp4", 1280, 720, 20, true);
        long id = Media.resource(teacher, "LEARNING", "VIDEO", studiedUnit, "直播间搭建（20 秒）");
        JsonObject ticket = Media.newVersion(teacher, id, "lesson.mp4", Files.size(video));
        JsonObject started = RunningPlatform.json(Media.start(ticket, video));
        int parts = started.getInt("partCount");
        long partSize = started.getJsonNumber("partSize").longValue();
        assertTrue(parts >= 2, "the fixture must need several parts: " + started);
        Media.sendParts(ticket, video, partSize, List.of(1));

        // The page reloads: starting again returns the same upload with the part storage already holds.
        JsonObject resumed = RunningPlatform.json(Media.start(ticket, video));
        assertEquals(started.getString("assetId"), resumed.getString("assetId"));
        assertEquals(1, resumed.getJsonArray("uploadedParts").size());
        assertEquals(1, resumed.getJsonArray("uploadedParts").getJsonObject(0).getInt("number"));
        HttpResponse<String> early = Media.post(Media.uploadPath(ticket, "/complete"), null);
        assertEquals(409, early.statusCode(), early.body());
        HttpResponse<String> tooSoon =
                RunningPlatform.call(teacher, "POST", "/api/resources/" + id + "/versions/1/publish", null);
        assertEquals(
                409, tooSoon.statusCode(), "a version is published only once its file is READY: " + tooSoon.body());
        assertTrue(tooSoon.body().contains("UPLOADING") && tooSoon.body().contains("就绪"), tooSoon.body());
        assertTrue(early.body().contains("尚未到达存储"), early.body());

        Media.sendParts(
                ticket,
                video,
                partSize,
                java.util.stream.IntStream.rangeClosed(2, parts).boxed().toList());
        HttpResponse<String> done = Media.post(Media.uploadPath(ticket, "/complete"), null);
        assertEquals(202, done.statusCode(), done.body());
        JsonObject asset = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", asset.getString("state"), asset.toString());
        assertEquals(
                List.of("720p", "480p", "360p"),
                asset.getJsonArray("renditions").stream()
                        .map(v -> v.asJsonObject().getString("name"))
                        .toList());
        assertEquals(20_000, asset.getJsonNumber("durationMs").longValue(), 200);

        // Learners reach nothing before publication; after it, a playlist made for them.
        assertEquals(404, Media.access(learner, id, null).statusCode());
        assertEquals(
                200,
                RunningPlatform.call(teacher, "POST", "/api/resources/" + id + "/versions/1/publish", null)
                        .statusCode());
        HttpResponse<String> access = Media.access(learner, id, null);
        assertEquals(200, access.statusCode(), access.body());
        String masterUrl = RunningPlatform.json(access).getString("playlistUrl");
        HttpResponse<String> master = Media.get(masterUrl);
        assertEquals(200, master.statusCode(), master.body());
        assertTrue(master.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.apple.mpegurl"));
        assertTrue(master.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(master.body().contains("RESOLUTION=1280x720,CODECS=\"avc1.640028,mp4a.40.2\""), master.body());

        List<List<String>> durations = new java.util.ArrayList<>();
        String firstSegment = null;
        for (String variantRef : Media.uris(master.body())) {
            HttpResponse<String> variant = Media.get(Media.resolve(masterUrl, variantRef));
            assertEquals(200, variant.statusCode(), variant.body());
            assertTrue(
                    variant.body().contains("#EXT-X-PLAYLIST-TYPE:VOD")
                            && variant.body().contains("#EXT-X-ENDLIST"),
                    variant.body());
            durations.add(
                    variant.body().lines().filter(l -> l.startsWith("#EXTINF")).toList());
            if (firstSegment == null) {
                firstSegment = Media.uris(variant.body()).get(0);
            }
            // A browser (it accepts gzip) gets the same playlist gzipped; whoever does not accept it, plain text.
            String variantUrl = Media.resolve(masterUrl, variantRef);
            HttpResponse<byte[]> zipped = Media.HTTP.send(
                    HttpRequest.newBuilder(
                                    variantUrl.startsWith("http")
                                            ? URI.create(variantUrl)
                                            : RunningPlatform.uri(variantUrl))
                            .header("Accept-Encoding", "gzip, deflate, br")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, zipped.statusCode());
            assertEquals(
                    "gzip",
                    zipped.headers().firstValue("Content-Encoding").orElse(""),
                    zipped.headers().toString());
            assertTrue(
                    zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"),
                    zipped.headers().toString());
            try (java.util.zip.GZIPInputStream in =
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                String unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(
                        variant.body().lines().filter(l -> l.startsWith("#")).toList(),
                        unzipped.lines().filter(l -> l.startsWith("#")).toList());
                assertEquals(
                        Media.uris(variant.body()).size(), Media.uris(unzipped).size());
            }
            assertTrue(
                    variant.headers().firstValue("Content-Encoding").isEmpty(),
                    "no gzip for a client that did not ask");
        }
        // Key frames at the same instants in every rung: every rung is cut into the same segments.
        assertEquals(3, durations.size());
        assertEquals(durations.get(0), durations.get(1));
        assertEquals(durations.get(0), durations.get(2));
        assertEquals(4, durations.get(0).size(), durations.get(0).toString());
        assertEquals(
                List.of("#EXTINF:6.000,", "#EXTINF:6.000,", "#EXTINF:6.000,"),
                durations.get(0).subList(0, 3));

        // Segments come straight from storage through presigned URLs, and range requests work.
        assertTrue(firstSegment.startsWith("http://127.0.0.1:" + RunningPlatform.S3_PORT + "/"), firstSegment);
        HttpResponse<byte[]> range = Media.HTTP.send(
                HttpRequest.newBuilder(URI.create(firstSegment))
                        .header("Range", "bytes=0-187")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals(188, range.body().length);
        assertEquals(0x47, range.body()[0]); // an MPEG-TS sync byte

        HttpResponse<byte[]> poster = Media.HTTP.send(
                HttpRequest.newBuilder(
                                RunningPlatform.uri(RunningPlatform.json(access).getString("posterUrl")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, poster.statusCode());
        HttpResponse<byte[]> jpeg = Media.HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                poster.headers().firstValue("Location").orElseThrow()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, jpeg.statusCode());
        assertEquals((byte) 0xFF, jpeg.body()[0]);
        assertEquals((byte) 0xD8, jpeg.body()[1]);
    }

    @Test
    void anInterlacedSourceIsDeinterlacedSoNoRungIsCombed() throws Exception {
        Path source = MediaFixtures.interlaced("interlaced-720i-4s.mp4", 4);
        int[] before = MediaFixtures.fieldDetection(source);
        assertTrue(before[0] > before[2], "the fixture is woven top field first: " + java.util.Arrays.toString(before));

        Media.Uploaded up = Media.ready(teacher, studiedUnit, "VIDEO", source);
        assertEquals("READY", up.asset().getString("state"), up.asset().toString());
        HttpResponse<String> access = Media.access(teacher, up.resourceId(), 1);
        String masterUrl = RunningPlatform.json(access).getString("playlistUrl");
        HttpResponse<String> master = Media.get(masterUrl);
        // The 720 rung is not scaled, so woven fields would show as combing there if they were kept.
        List<String> lines = master.body().lines().toList();
        int inf = java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains("RESOLUTION=1280x720"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 720 rung: " + master.body()));
        String variantUrl = Media.resolve(masterUrl, lines.get(inf + 1));
        HttpResponse<String> variant = Media.get(variantUrl);
        Path rung = Files.createTempFile("rung-720", ".ts");
        try (java.io.OutputStream out = Files.newOutputStream(rung)) {
            for (String segment : Media.uris(variant.body())) {
                out.write(Media.HTTP
                        .send(
                                HttpRequest.newBuilder(URI.create(Media.resolve(variantUrl, segment)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body());
            }
        }
        int[] after = MediaFixtures.fieldDetection(rung);
        assertTrue(
                after[2] > 9 * (after[0] + after[1]),
                "the ladder is progressive, not combed: " + java.util.Arrays.toString(after));
        Files.deleteIfExists(rung);
    }

    /**
     * A file with two audio tracks (the default second) and two text subtitle tracks: every track is kept, the file's
     * default plays first, the subtitles become captions the teacher can delete, and the status says what was kept.
     */
    @Test
    void everyAudioTrackAndTextSubtitleOfAFileIsKeptAndItsDefaultPlaysFirst() throws Exception {
        Path source = MediaFixtures.multiTrack("bilingual-2audio-2subs-6s.mkv", 6);
        Media.Uploaded up = Media.ready(teacher, studiedUnit, "VIDEO", source);
        JsonObject asset = up.asset();
        assertEquals("READY", asset.getString("state"), asset.toString());
        assertTrue(asset.getString("tracks").startsWith("保留了 2 条音轨：English、中文（默认）"), asset.toString());
        assertTrue(asset.getString("tracks").contains("内嵌字幕已转为字幕轨：中文（zh）、英语（en）"), asset.toString());

        String masterUrl =
                RunningPlatform.json(Media.access(teacher, up.resourceId(), 1)).getString("playlistUrl");
        String master = Media.get(masterUrl).body();
        assertTrue(
                master.contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"zh\",NAME=\"中文\",DEFAULT=YES"),
                master);
        assertTrue(
                master.contains("TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"en\",NAME=\"English\",DEFAULT=NO"), master);
        assertTrue(master.contains("TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"zh\""), master);
        assertTrue(master.contains("TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"en\""), master);
        assertTrue(
                master.lines()
                        .filter(l -> l.startsWith("#EXT-X-STREAM-INF"))
                        .allMatch(l -> l.contains("AUDIO=\"audio\"")),
                master);

        // The Chinese rendition carries the loud Chinese track, the English one the quiet English track.
        double zh = meanVolume(masterUrl, mediaUri(master, "TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"zh\""));
        double en = meanVolume(masterUrl, mediaUri(master, "TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"en\""));
        assertTrue(
                zh > en + 15,
                "the default track is the file's default, each rendition its own track: zh " + zh + " dB, en " + en
                        + " dB");

        String captions = Media.get(
                        Media.resolve(masterUrl, mediaUri(master, "TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"zh\"")))
                .body();
        String vtt = Media.get(Media.uris(captions).get(0)).body();
        assertTrue(vtt.startsWith("WEBVTT") && vtt.contains("欢迎来到直播间") && vtt.contains("今天讲选品"), vtt);

        // The kept subtitles are captions like uploaded ones: the teacher deletes the English track.
        String grant = RunningPlatform.json(RunningPlatform.call(
                        teacher, "POST", "/api/resources/" + up.resourceId() + "/versions/1/upload-grant", null))
                .getString("grant");
        String captionUrl = masterUrl.substring(0, masterUrl.indexOf("/master.m3u8")) + "/captions/en?grant="
                + java.net.URLEncoder.encode(grant, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                204,
                Media.HTTP
                        .send(
                                HttpRequest.newBuilder(RunningPlatform.uri(captionUrl))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(
                404,
                Media.HTTP
                        .send(
                                HttpRequest.newBuilder(RunningPlatform.uri(captionUrl))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode(),
                "deleted once");
        String after = Media.get(masterUrl).body();
        assertFalse(after.contains("LANGUAGE=\"en\",NAME=\"英语\""), after);
        assertTrue(after.contains("TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"zh\""), after);
    }

    /** The URI of the master's EXT-X-MEDIA line that contains {@code marker}. */
    private static String mediaUri(String master, String marker) {
        String line = master.lines()
                .filter(l -> l.startsWith("#EXT-X-MEDIA") && l.contains(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no media line with " + marker + ": " + master));
        return line.replaceAll(".*URI=\"([^\"]*)\".*", "$1");
    }

    /** The mean volume of a rendition's first segment, in dB. */
    private static double meanVolume(String masterUrl, String variantRef) throws Exception {
        String variantUrl = Media.resolve(masterUrl, variantRef);
        String segment = Media.resolve(
                variantUrl, Media.uris(Media.get(variantUrl).body()).get(0));
        Path file = Files.createTempFile("rendition", ".ts");
        Files.write(
                file,
                Media.HTTP
                        .send(
                                HttpRequest.newBuilder(URI.create(segment)).build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body());
        try {
            return MediaFixtures.meanVolume(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A teacher cancels a transcode that is running: nobody else may (a colleague of the class, a learner), the file's
     * grants end at once, the worker's ffmpeg stops, and storage keeps nothing of it; the next version takes a new number.
     */
    @Test
    void aTranscodeCancelledByItsTeacherStopsAndLeavesNothingInStorage() throws Exception {
        Path video = MediaFixtures.video("cancel-1280x720-30s.mp4", 1280, 720, 30, true);
        long id = Media.resource(teacher, "LEARNING", "VIDEO", studiedUnit, "将被取消的转码");
        JsonObject ticket = Media.newVersion(teacher, id, video.getFileName().toString(), Files.size(video));
        String assetId = ticket.getString("assetId");
        assertEquals(202, Media.upload(ticket, video).statusCode());
        Media.awaitJob(ticket, j -> "RUNNING".equals(j.getString("state")));

        String colleague = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        assertEquals(
                403,
                RunningPlatform.call(colleague, "DELETE", "/api/resources/" + id + "/versions/1", null)
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(learner, "DELETE", "/api/resources/" + id + "/versions/1", null)
                        .statusCode());
        HttpResponse<String> cancelled =
                RunningPlatform.call(teacher, "DELETE", "/api/resources/" + id + "/versions/1", null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals(0, RunningPlatform.json(cancelled).getJsonArray("versions").size(), cancelled.body());
        assertEquals(
                410, Media.get(ticket.getString("statusUrl")).statusCode(), "the cancelled file's grant ends at once");
        assertEquals(
                404,
                RunningPlatform.call(teacher, "DELETE", "/api/resources/" + id + "/versions/1", null)
                        .statusCode(),
                "a version is deleted once");

        Path stored = RunningPlatform.varDir().resolve("s3/lms-media/assets/" + assetId);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && !("DELETED".equals(assetState(assetId))
                        && storedFiles(stored).isEmpty())) {
            Thread.sleep(500);
        }
        assertEquals("DELETED", assetState(assetId));
        assertEquals(List.of(), storedFiles(stored), "nothing of the cancelled file stays in storage");
        assertTrue(
                ProcessHandle.allProcesses()
                        .noneMatch(p -> MediaFixtures.commandLine(p).contains(assetId)),
                "its ffmpeg stopped");
        try (java.sql.Connection c = database();
                java.sql.PreparedStatement q =
                        c.prepareStatement("SELECT state FROM transcode_job WHERE asset_id = ?")) {
            q.setString(1, assetId);
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals("CANCELLED", r.getString(1));
            }
        }
        JsonObject next = Media.newVersion(teacher, id, "again.mp4", 1000);
        assertEquals(2, next.getInt("version"), "a number is never used twice");
    }

    /**
     * A cancelled upload is aborted in storage, and a deleted resource disappears for learners while the seconds they
     * were credited on it stay; the published version alone cannot be deleted (it would leave learners without it).
     */
    @Test
    void aDeletedResourceDisappearsForLearnersWhileTheirCreditedSecondsStay() throws Exception {
        // An upload cancelled half way: its completion is refused and its parts are aborted.
        Path big = MediaFixtures.video("cancel-upload-1280x720-20s.mp4", 1280, 720, 20, true);
        long half = Media.resource(teacher, "LEARNING", "VIDEO", studiedUnit, "上传到一半取消");
        JsonObject ticket = Media.newVersion(teacher, half, big.getFileName().toString(), Files.size(big));
        JsonObject started = RunningPlatform.json(Media.start(ticket, big));
        Media.sendParts(ticket, big, started.getJsonNumber("partSize").longValue(), List.of(1));
        assertEquals(
                200,
                RunningPlatform.call(teacher, "DELETE", "/api/resources/" + half + "/versions/1", null)
                        .statusCode());
        assertEquals(
                410,
                Media.post(Media.uploadPath(ticket, "/complete"), null).statusCode(),
                "a cancelled upload cannot complete");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !"DELETED".equals(assetState(ticket.getString("assetId")))) {
            Thread.sleep(300);
        }
        assertEquals("DELETED", assetState(ticket.getString("assetId")));

        // A published lesson a learner has studied for a few seconds (on a unit whose seconds no other test counts).
        Path video = MediaFixtures.video("deleted-lesson-640x360-8s.mp4", 640, 360, 8, true);
        Media.Uploaded up = Media.published(teacher, spareUnit, "VIDEO", video);
        long id = up.resourceId();
        String studying = RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD);
        HttpResponse<String> opened =
                RunningPlatform.call(studying, "POST", "/api/attendance/sessions", "{\"resourceId\":" + id + "}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject session = RunningPlatform.json(opened);
        Thread.sleep(3_200);
        HttpResponse<String> beat = RunningPlatform.call(
                studying,
                "POST",
                "/api/attendance/sessions/" + session.getString("sessionId") + "/beats",
                Json.createObjectBuilder()
                        .add("token", session.getString("token"))
                        .add("seq", 1)
                        .add("elapsedMs", 3_000)
                        .add(
                                "played",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("fromMs", 0)
                                                .add("toMs", 3_000)))
                        .add("rate", 1.0)
                        .add("visible", true)
                        .add("positionMs", 3_000)
                        .build()
                        .toString());
        assertEquals(200, beat.statusCode(), beat.body());
        long credited = RunningPlatform.json(beat).getInt("videoCreditedSeconds");
        assertTrue(credited >= 2, beat.body());

        HttpResponse<String> published =
                RunningPlatform.call(teacher, "DELETE", "/api/resources/" + id + "/versions/1", null);
        assertEquals(409, published.statusCode(), published.body());
        MediaFaultsIT.assertForPeople(RunningPlatform.json(published).getString("detail"));
        assertEquals(
                403,
                RunningPlatform.call(
                                RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD),
                                "DELETE",
                                "/api/resources/" + id,
                                null)
                        .statusCode(),
                "only the teacher who added it, or an administrator");
        assertEquals(
                204,
                RunningPlatform.call(teacher, "DELETE", "/api/resources/" + id, null)
                        .statusCode());

        assertEquals(404, Media.access(studying, id, null).statusCode(), "learners no longer reach it");
        assertEquals(
                404,
                RunningPlatform.call(studying, "POST", "/api/attendance/sessions", "{\"resourceId\":" + id + "}")
                        .statusCode());
        String list = RunningPlatform.call(teacher, "GET", "/api/resources?unitId=" + spareUnit + "&size=100", null)
                .body();
        assertFalse(list.contains("\"id\":" + id + ","), "the unit's list leaves it out");
        try (java.sql.Connection c = database();
                java.sql.PreparedStatement q = c.prepareStatement(
                        "SELECT s.credited_seconds, (SELECT SUM(a.credited_seconds) FROM attendance_record a WHERE a.session_id = s.id)"
                                + " FROM playback_session s WHERE s.id = ? AND s.resource_id = ?")) {
            q.setString(1, session.getString("sessionId"));
            q.setLong(2, id);
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the session studied on the deleted lesson stays");
                assertEquals(credited, r.getLong(1), "with its credited seconds");
                assertEquals(credited, r.getLong(2), "and its attendance records");
            }
        }
        try (java.sql.Connection c = database();
                java.sql.PreparedStatement q = c.prepareStatement(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'DELETE_RESOURCE' AND detail LIKE ?")) {
            q.setString(1, "resource " + id + " %");
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "the deletion is audited");
            }
        }
    }

    static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
    }

    private static String assetState(String assetId) throws Exception {
        try (java.sql.Connection c = database();
                java.sql.PreparedStatement q = c.prepareStatement("SELECT state FROM media_asset WHERE id = ?")) {
            q.setString(1, assetId);
            try (java.sql.ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static List<String> storedFiles(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(Object::toString).toList();
        } catch (java.nio.file.NoSuchFileException removed) {
            return List.of();
        }
    }

    @Test
    void aLongLessonPlaysWhileItIsEncodedAndTheUploaderSeesProgressLive() throws Exception {
        Path video = MediaFixtures.video("lecture-720p-36s.mp4", 1280, 720, 36, true);
        long id = Media.resource(teacher, "LEARNING", "VIDEO", studiedUnit, "讲座（36 秒）");
        JsonObject ticket = Media.newVersion(teacher, id, "lecture.mp4", Files.size(video));
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        assertEquals(202, Media.upload(ticket, video).statusCode());
        java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream =
                Media.HTTP.sendAsync(
                        HttpRequest.newBuilder(RunningPlatform.uri(ticket.getString("eventsUrl")))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(
                () -> stream.join().body().filter(l -> l.startsWith("data:")).forEach(events::add));
        reader.start();

        // Before the encode ends, the lowest rung already plays from a growing EVENT playlist.
        String masterUrl = RunningPlatform.json(Media.access(teacher, id, 1)).getString("playlistUrl");
        String early = null;
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (early == null && System.nanoTime() < end) {
            HttpResponse<String> master = Media.get(masterUrl);
            if (master.statusCode() == 200) {
                List<String> variants = Media.uris(master.body());
                String v = Media.get(Media.resolve(masterUrl, variants.get(variants.size() - 1)))
                        .body();
                if (v.contains("#EXTINF")
                        && "PROCESSING".equals(Media.status(ticket).getString("state"))) {
                    early = v;
                }
            }
            Thread.sleep(300);
        }
        assertTrue(early != null, "no segment was playable before the encode ended");
        assertTrue(early.contains("#EXT-X-PLAYLIST-TYPE:EVENT") && !early.contains("#EXT-X-ENDLIST"), early);

        JsonObject done = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", done.getString("state"), done.toString());
        reader.join(10_000);
        assertFalse(reader.isAlive(), "the event stream must end once the asset is READY");
        List<JsonObject> seen = events.stream()
                .map(l -> Json.createReader(
                                new java.io.StringReader(l.substring(5).trim()))
                        .readObject())
                .toList();
        assertTrue(seen.size() >= 3, seen.toString());
        assertEquals("READY", seen.get(seen.size() - 1).getString("state"));
        assertTrue(
                seen.stream()
                        .anyMatch(e -> e.getString("state").equals("PROCESSING")
                                && e.containsKey("job")
                                && e.getJsonObject("job")
                                                .getJsonNumber("progress")
                                                .doubleValue()
                                        > 0),
                seen.toString());
    }

    @Test
    void captionsUploadedForAVideoAppearInItsMasterPlaylist() throws Exception {
        Media.Uploaded up = Media.ready(
                teacher, studiedUnit, "VIDEO", MediaFixtures.video("captioned-640x360-5s.mp4", 640, 360, 5, true));
        String assetId = up.ticket().getString("assetId");
        String upload = "?grant=" + up.ticket().getString("grant");
        HttpResponse<String> bad = Media.HTTP.send(
                HttpRequest.newBuilder(RunningPlatform.uri("/media/api/play/" + assetId + "/captions/zh" + upload))
                        .header("Content-Type", "text/vtt")
                        .PUT(HttpRequest.BodyPublishers.ofString("1\n00:00:00,000 --> 00:00:02,000\nSRT, not VTT\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("WEBVTT"), bad.body());
        String vtt = "WEBVTT\n\n00:00.000 --> 00:03.000\n欢迎来到直播间\n";
        HttpResponse<String> put = Media.HTTP.send(
                HttpRequest.newBuilder(RunningPlatform.uri("/media/api/play/" + assetId + "/captions/zh-CN" + upload
                                + "&name=" + java.net.URLEncoder.encode("中文", java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/vtt")
                        .PUT(HttpRequest.BodyPublishers.ofString(vtt))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());

        // A name that would close its quotes and add a variant pointing elsewhere is refused, and nothing of it is
        // kept.
        String evil = "x\"\n#EXT-X-STREAM-INF:BANDWIDTH=9\nhttp://evil.example/a.m3u8";
        HttpResponse<String> injected = Media.HTTP.send(
                HttpRequest.newBuilder(RunningPlatform.uri("/media/api/play/" + assetId + "/captions/en" + upload
                                + "&name=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/vtt")
                        .PUT(HttpRequest.BodyPublishers.ofString(vtt))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, injected.statusCode(), injected.body());
        assertTrue(
                RunningPlatform.json(injected).getJsonArray("errors").toString().contains("\"name\""), injected.body());

        String masterUrl =
                RunningPlatform.json(Media.access(teacher, up.resourceId(), 1)).getString("playlistUrl");
        String master = Media.get(masterUrl).body();
        assertTrue(!master.contains("evil.example") && !master.contains("LANGUAGE=\"en\""), master);
        assertTrue(
                master.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"zh-CN\",NAME=\"中文\""),
                master);
        assertTrue(master.contains("SUBTITLES=\"subs\""), master);
        String subtitles = master.lines()
                .filter(l -> l.startsWith("#EXT-X-MEDIA"))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*URI=\"([^\"]+)\".*", "$1");
        String playlist = Media.get(Media.resolve(masterUrl, subtitles)).body();
        assertTrue(playlist.contains("#EXT-X-ENDLIST"), playlist);
        HttpResponse<String> file = Media.get(Media.uris(playlist).get(0));
        assertEquals(200, file.statusCode());
        assertEquals(vtt, file.body());
    }

    @Test
    void theSameFileUploadedAgainReusesItsRenditionsInsteadOfTranscoding() throws Exception {
        Path video = MediaFixtures.video("lesson-480p-8s.mp4", 854, 480, 8, true);
        Media.Uploaded first = Media.ready(teacher, studiedUnit, "VIDEO", video);
        assertEquals("READY", first.asset().getString("state"));
        long id = Media.resource(teacher, "LEARNING", "VIDEO", studiedUnit, "同一内容再传一次");
        JsonObject ticket = Media.newVersion(teacher, id, "copy.mp4", Files.size(video));
        assertEquals(202, Media.upload(ticket, video).statusCode());
        JsonObject second = Media.await(ticket, Duration.ofMinutes(2), "READY", "FAILED");
        assertEquals(first.asset().getString("id"), second.getString("reusesRenditionsOf"), second.toString());
        assertEquals(first.asset().getJsonArray("renditions"), second.getJsonArray("renditions"));
        HttpResponse<String> master =
                Media.get(RunningPlatform.json(Media.access(teacher, id, 1)).getString("playlistUrl"));
        assertEquals(200, master.statusCode(), master.body());
        assertTrue(master.body().contains("RESOLUTION=854x480"), master.body());
    }

    @Test
    void aPortraitPhoneVideoKeepsItsShape() throws Exception {
        JsonObject asset = Media.ready(
                        teacher,
                        studiedUnit,
                        "VIDEO",
                        MediaFixtures.video("portrait-720x1280-4s.mp4", 720, 1280, 4, true))
                .asset();
        assertEquals("READY", asset.getString("state"), asset.toString());
        assertEquals(List.of("720x1280", "480x854", "360x640"), sizes(asset));
    }

    @Test
    void aFourKSourceIsLadderedFrom1080pDown() throws Exception {
        JsonObject asset = Media.ready(
                        teacher, studiedUnit, "VIDEO", MediaFixtures.video("uhd-3840x2160-3s.mp4", 3840, 2160, 3, true))
                .asset();
        assertEquals("READY", asset.getString("state"), asset.toString());
        assertEquals(List.of("1920x1080", "1280x720", "854x480", "640x360"), sizes(asset));
    }

    @Test
    void anAudioOnlyFileBecomesAnAudioRendition() throws Exception {
        Media.Uploaded up = Media.ready(teacher, studiedUnit, "VIDEO", MediaFixtures.audio("talk-5s.m4a", 5));
        assertEquals("READY", up.asset().getString("state"), up.asset().toString());
        assertEquals(
                List.of("audio"),
                up.asset().getJsonArray("renditions").stream()
                        .map(v -> v.asJsonObject().getString("name"))
                        .toList());
        String master = Media.get(RunningPlatform.json(Media.access(teacher, up.resourceId(), 1))
                        .getString("playlistUrl"))
                .body();
        assertTrue(master.contains("CODECS=\"mp4a.40.2\""), master);
        assertFalse(master.contains("RESOLUTION"), master);
    }

    @Test
    void aVideoWithoutSoundPlaysWithoutAnAudioTrack() throws Exception {
        Media.Uploaded up = Media.ready(
                teacher, studiedUnit, "VIDEO", MediaFixtures.video("silent-640x360-4s.mp4", 640, 360, 4, false));
        assertEquals("READY", up.asset().getString("state"), up.asset().toString());
        String master = Media.get(RunningPlatform.json(Media.access(teacher, up.resourceId(), 1))
                        .getString("playlistUrl"))
                .body();
        assertTrue(master.contains("CODECS=\"avc1.640028\""), master);
    }

    @Test
    void eachResourcePackReachesOnlyWhoMaySeeIt() throws Exception {
        Path doc = MediaFixtures.text("handout.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long teaching = Media.publishedDocument(teacher, "TEACHING", studiedUnit, doc);
        long learningHere = Media.publishedDocument(teacher, "LEARNING", studiedUnit, doc);
        // A unit of no class of teacher01's: only an administrator adds it, to the institution's library.
        assertEquals(
                422,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/resources",
                                Json.createObjectBuilder()
                                        .add("category", "LEARNING")
                                        .add("kind", "DOCUMENT")
                                        .add("title", "别处的资料")
                                        .add("unitId", otherUnit)
                                        .build()
                                        .toString())
                        .statusCode());
        long learningElsewhere = Media.publishedDocument(admin, "LEARNING", otherUnit, doc, null);
        long assessment = Media.publishedDocument(teacher, "ASSESSMENT", studiedUnit, doc);
        long information = Media.publishedDocument(teacher, "INFORMATION", null, doc);

        assertEquals(404, Media.access(learner, teaching, null).statusCode());
        assertEquals(404, Media.access(learner, learningElsewhere, null).statusCode());
        assertEquals(404, Media.access(learner, assessment, null).statusCode());
        assertEquals(
                404,
                RunningPlatform.call(learner, "GET", "/api/resources/" + teaching, null)
                        .statusCode());
        for (long visible : List.of(learningHere, information)) {
            HttpResponse<String> a = Media.access(learner, visible, null);
            assertEquals(200, a.statusCode(), a.body());
            HttpResponse<String> file = Media.get(RunningPlatform.json(a).getString("fileUrl"));
            assertEquals(303, file.statusCode(), file.body());
            HttpResponse<String> bytes =
                    Media.get(file.headers().firstValue("Location").orElseThrow());
            assertEquals(200, bytes.statusCode());
            assertTrue(bytes.body().startsWith("%PDF-1.4"));
            assertTrue(
                    bytes.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        }
        // The learner's list holds exactly what the learner may open.
        List<Long> listed = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/resources?size=200", null))
                .getJsonArray("items")
                .stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList();
        assertTrue(listed.containsAll(List.of(learningHere, information)), listed.toString());
        assertFalse(
                listed.contains(teaching) || listed.contains(learningElsewhere) || listed.contains(assessment),
                listed.toString());
        // A teacher sees them all, unpublished versions included.
        assertEquals(200, Media.access(teacher, teaching, 1).statusCode());
    }

    @Test
    void aDocumentIsServedAsWhatItsBytesSayNeverAsAPage() throws Exception {
        // A PDF that is also a web page, named .html: it downloads as the PDF it starts as, under a .pdf name.
        Path page = MediaFixtures.text(
                "page.html", "%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n");
        long id = Media.publishedDocument(teacher, "LEARNING", studiedUnit, page);
        HttpResponse<String> file =
                Media.get(RunningPlatform.json(Media.access(learner, id, null)).getString("fileUrl"));
        assertEquals(303, file.statusCode(), file.body());
        HttpResponse<String> bytes =
                Media.get(file.headers().firstValue("Location").orElseThrow());
        assertEquals(200, bytes.statusCode());
        assertEquals(
                "application/pdf", bytes.headers().firstValue("Content-Type").orElse(""));
        String disposition = bytes.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(
                disposition.startsWith("attachment")
                        && disposition.contains("page.pdf")
                        && !disposition.contains(".html"),
                disposition);
    }

    @Test
    void aGrantEndsWithItsHoldersSignIns() throws Exception {
        // General information of the institution's library reaches everyone signed in, in a class or not.
        Path doc = MediaFixtures.text("notice.pdf", "%PDF-1.4\n%%EOF\n");
        long id = Media.publishedDocument(admin, "INFORMATION", null, doc, null);
        for (String how : List.of("sign-out", "disabled", "password-reset")) {
            String name = Accounts.uniqueName("grant-" + how);
            long account = Accounts.createLearner(admin, name, "Learn2026ok")
                    .getJsonNumber("id")
                    .longValue();
            String token = RunningPlatform.token(name, "Learn2026ok");
            String file = RunningPlatform.json(Media.access(token, id, null)).getString("fileUrl");
            assertEquals(303, Media.get(file).statusCode());
            Thread.sleep(1000); // grants carry whole seconds: the revocation falls in a later second than the grant
            HttpResponse<String> ended = switch (how) {
                case "sign-out" -> RunningPlatform.call(token, "POST", "/api/auth/logout", null);
                case "disabled" -> RunningPlatform.call(admin, "POST", "/api/accounts/" + account + "/disable", null);
                default -> RunningPlatform.call(admin, "POST", "/api/accounts/" + account + "/password-reset", null);
            };
            assertTrue(ended.statusCode() == 204 || ended.statusCode() == 200, ended.body());
            HttpResponse<String> after = Media.get(file);
            assertEquals(401, after.statusCode(), how + ": " + after.body());
            assertEquals(
                    "urn:imtp:problem:revoked-grant",
                    RunningPlatform.json(after).getString("type"));
            assertEquals(
                    401,
                    RunningPlatform.call(token, "GET", "/api/me", null).statusCode(),
                    how + " ends the sign-in too");
        }
        // An upload grant ends the same way: a teacher who signed out uploads nothing more with it.
        long planId = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/classes/" + Media.demoClassId(), null))
                .getJsonNumber("planId")
                .longValue();
        String teacherName = Accounts.uniqueName("grant-teacher");
        long classId = RoleMatrixIT.activeClass(admin, planId, teacherName, Accounts.uniqueName("grant-learner"));
        String teacherToken = RunningPlatform.token(teacherName, "Teach2026ok");
        Path lesson = MediaFixtures.text("handout.pdf", "%PDF-1.4\n%%EOF\n");
        long resource = Media.resource(teacherToken, "LEARNING", "DOCUMENT", studiedUnit, "讲义", classId);
        JsonObject ticket = Media.newVersion(teacherToken, resource, "handout.pdf", Files.size(lesson));
        Thread.sleep(1000);
        assertEquals(
                204,
                RunningPlatform.call(teacherToken, "POST", "/api/auth/logout", null)
                        .statusCode());
        HttpResponse<String> upload = Media.start(ticket, lesson);
        assertEquals(401, upload.statusCode(), upload.body());
        assertEquals(
                "urn:imtp:problem:revoked-grant", RunningPlatform.json(upload).getString("type"));
    }

    @Test
    void abandonedStatusStreamsAreNoticedAndAHolderCannotPileThemUp() throws Exception {
        long planId = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/classes/" + Media.demoClassId(), null))
                .getJsonNumber("planId")
                .longValue();
        String teacherName = Accounts.uniqueName("stream-teacher");
        long classId = RoleMatrixIT.activeClass(admin, planId, teacherName, Accounts.uniqueName("stream-learner"));
        String token = RunningPlatform.token(teacherName, "Teach2026ok");
        Path video = MediaFixtures.video("streams-2s.mp4", 320, 180, 2, true);
        long id = Media.resource(token, "LEARNING", "VIDEO", studiedUnit, "进度页面", classId);
        JsonObject ticket = Media.newVersion(token, id, "streams.mp4", Files.size(video));
        assertEquals(200, Media.start(ticket, video).statusCode()); // left UPLOADING: its streams stay open
        String events = ticket.getString("eventsUrl");
        List<java.io.InputStream> pages = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<java.io.InputStream> r = stream(events);
            assertEquals(200, r.statusCode());
            pages.add(r.body());
        }
        HttpResponse<java.io.InputStream> eleventh = stream(events);
        assertEquals(429, eleventh.statusCode(), "a holder cannot pile streams up");
        eleventh.body().close();
        for (java.io.InputStream page : pages) {
            page.close(); // the pages went away without a word
        }
        // The server notices at its next keep-alive and the holder follows files again.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(40).toNanos();
        int status;
        do {
            Thread.sleep(1000);
            HttpResponse<java.io.InputStream> again = stream(events);
            status = again.statusCode();
            again.body().close();
        } while (status == 429 && System.nanoTime() < deadline);
        assertEquals(200, status, "closed pages free their streams");
    }

    private static HttpResponse<java.io.InputStream> stream(String url) throws Exception {
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        url.startsWith("http") ? java.net.URI.create(url) : RunningPlatform.uri(url))
                                .header("Accept", "text/event-stream")
                                .timeout(java.time.Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void anImageIsServedAsWhatItsBytesSayWhateverItsName() throws Exception {
        Path png = MediaFixtures.still("photo.jpg");
        long id = Media.resource(teacher, "LEARNING", "IMAGE", studiedUnit, "直播间布景");
        JsonObject ticket = Media.newVersion(teacher, id, "photo.jpg", Files.size(png));
        assertEquals(200, Media.upload(ticket, png).statusCode());
        assertEquals(
                200,
                RunningPlatform.call(teacher, "POST", "/api/resources/" + id + "/versions/1/publish", null)
                        .statusCode());
        HttpResponse<String> file =
                Media.get(RunningPlatform.json(Media.access(learner, id, null)).getString("fileUrl"));
        assertEquals(303, file.statusCode(), file.body());
        HttpResponse<String> bytes =
                Media.get(file.headers().firstValue("Location").orElseThrow());
        assertEquals("image/png", bytes.headers().firstValue("Content-Type").orElse(""));
        String disposition = bytes.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("photo.png") && !disposition.contains(".jpg"), disposition);
    }

    @Test
    void mediaServiceTrustsOnlyAGrantForThisFileAndThisUse() throws Exception {
        Path doc = MediaFixtures.text("rules.pdf", "%PDF-1.4\n%%EOF\n");
        long id = Media.publishedDocument(teacher, "INFORMATION", null, doc);
        JsonObject view = RunningPlatform.json(Media.access(learner, id, null));
        String assetId = view.getString("assetId");
        // A view grant cannot upload or retry.
        HttpResponse<String> r =
                Media.post("/media/api/uploads/" + assetId + "/complete?grant=" + view.getString("grant"), null);
        assertEquals(403, r.statusCode(), r.body());
        // A grant is for one file only.
        long other = Media.publishedDocument(teacher, "INFORMATION", null, doc);
        String otherAsset =
                RunningPlatform.json(Media.access(learner, other, null)).getString("assetId");
        assertEquals(
                403,
                Media.get("/media/api/play/" + otherAsset + "/file?grant=" + view.getString("grant"))
                        .statusCode());
        // No grant, a tampered one, or a sign-in token in its place: 401.
        assertEquals(401, Media.get("/media/api/play/" + assetId + "/file").statusCode());
        String grant = view.getString("grant");
        int middle = grant.lastIndexOf('.') + (grant.length() - grant.lastIndexOf('.')) / 2;
        String tampered =
                grant.substring(0, middle) + (grant.charAt(middle) == 'A' ? 'B' : 'A') + grant.substring(middle + 1);
        assertEquals(
                401,
                Media.get("/media/api/play/" + assetId + "/file?grant=" + tampered)
                        .statusCode());
        HttpResponse<String> signIn = Media.get("/media/api/play/" + assetId + "/file?grant=" + learner);
        assertEquals(401, signIn.statusCode());
        assertTrue(signIn.body().contains("不是媒体授权"), signIn.body());
    }

    private static List<String> sizes(JsonObject asset) {
        return asset.getJsonArray("renditions").stream()
                .map(JsonValue::asJsonObject)
                .map(r -> r.getInt("width") + "x" + r.getInt("height"))
                .toList();
    }

    @Test
    void aLinkHasNoFileAndBadResourcesAreRefusedField() throws Exception {
        HttpResponse<String> bad = RunningPlatform.call(
                teacher,
                "POST",
                "/api/resources",
                "{\"category\":\"LEARNING\",\"kind\":\"LINK\",\"title\":\"\",\"linkUrl\":\"ftp://x\"}");
        assertEquals(422, bad.statusCode(), bad.body());
        String fields = RunningPlatform.json(bad).getJsonArray("errors").toString();
        assertTrue(fields.contains("unitId") && fields.contains("title") && fields.contains("linkUrl"), fields);
        assertNotEquals(
                201,
                RunningPlatform.call(
                                learner,
                                "POST",
                                "/api/resources",
                                "{\"category\":\"INFORMATION\",\"kind\":\"LINK\",\"title\":\"x\",\"linkUrl\":\"https://example.org\"}")
                        .statusCode());
    }
}
