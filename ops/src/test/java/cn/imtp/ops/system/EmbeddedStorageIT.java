package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded S3 store that ./ops/run starts: real S3, authenticated, CORS open to the platform's origin only. */
@ExtendWith(RunningPlatform.class)
class EmbeddedStorageIT {

    static MinioClient client(String secret) {
        return MinioClient.builder()
                .endpoint("http://127.0.0.1:" + RunningPlatform.S3_PORT)
                .region("us-east-1")
                .credentials(RunningPlatform.S3_ACCESS_KEY, secret)
                .build();
    }

    @Test
    void bucketExistsAndWrongCredentialsAreRefused() throws Exception {
        assertTrue(client(RunningPlatform.S3_SECRET_KEY)
                .bucketExists(BucketExistsArgs.builder()
                        .bucket(RunningPlatform.BUCKET)
                        .build()));
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> client("wrong-secret-000000000")
                        .bucketExists(BucketExistsArgs.builder()
                                .bucket(RunningPlatform.BUCKET)
                                .build()));
        assertTrue(refused.getMessage() != null);
    }

    @Test
    void nothingIsListedOrReadWithoutASignature() throws Exception {
        MinioClient client = client(RunningPlatform.S3_SECRET_KEY);
        String key = "probe/" + System.nanoTime() + ".txt";
        byte[] bytes = "私有".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        client.putObject(io.minio.PutObjectArgs.builder().bucket(RunningPlatform.BUCKET).object(key).stream(
                        new java.io.ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                .build());
        String base = "http://127.0.0.1:" + RunningPlatform.S3_PORT + "/" + RunningPlatform.BUCKET;
        assertEquals(403, get(base).statusCode(), "an anonymous listing");
        assertEquals(403, get(base + "/" + key).statusCode(), "an anonymous read of a known key");
        String signed = client.getPresignedObjectUrl(io.minio.GetPresignedObjectUrlArgs.builder()
                .method(io.minio.Http.Method.GET)
                .bucket(RunningPlatform.BUCKET)
                .object(key)
                .expiry(60, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        assertEquals(200, get(signed).statusCode());
    }

    @Test
    void aPartSentAfterTheUploadIsCompleteLeavesNoObjectBehind() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        java.nio.file.Path doc =
                MediaFixtures.text("late-part.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long id = Media.resource(admin, "INFORMATION", "DOCUMENT", null, "迟到的分片");
        jakarta.json.JsonObject ticket = Media.newVersion(admin, id, "late-part.pdf", java.nio.file.Files.size(doc));
        assertEquals(200, Media.start(ticket, doc).statusCode());
        HttpResponse<String> parts = Media.post(Media.uploadPath(ticket, "/parts"), "{\"numbers\":[1]}");
        String partUrl = RunningPlatform.json(parts)
                .getJsonArray("parts")
                .getJsonObject(0)
                .getString("url");
        byte[] bytes = java.nio.file.Files.readAllBytes(doc);
        assertEquals(200, put(partUrl, bytes).statusCode());
        HttpResponse<String> done = Media.post(Media.uploadPath(ticket, "/complete"), null);
        assertEquals(200, done.statusCode(), done.body());
        HttpResponse<String> late = put(partUrl, bytes);
        // S3Proxy takes it (real S3 answers NoSuchUpload) and keeps it where no listing shows it.
        java.nio.file.Path bucket = RunningPlatform.varDir().resolve("s3/" + RunningPlatform.BUCKET);
        List<java.nio.file.Path> leftovers;
        try (var top = java.nio.file.Files.list(bucket)) {
            leftovers = top.filter(p -> p.getFileName().toString().startsWith(".mpus-"))
                    .toList();
        }
        if (late.statusCode() != 200) {
            assertTrue(leftovers.isEmpty(), "a refused part leaves nothing: " + leftovers);
            return;
        }
        assertTrue(!leftovers.isEmpty(), "the late part is somewhere");
        // Nobody can use it once the part URLs and the abandoned-upload limit have passed: the launcher's janitor
        // removes
        // it then. Here its files are made two hours old (the limit is 61 minutes in the tests).
        java.nio.file.attribute.FileTime old =
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
        for (java.nio.file.Path entry : leftovers) {
            try (var all = java.nio.file.Files.walk(entry)) {
                for (java.nio.file.Path p : all.toList()) {
                    java.nio.file.Files.setLastModifiedTime(p, old);
                }
            }
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (leftovers.stream().anyMatch(java.nio.file.Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(leftovers.stream().noneMatch(java.nio.file.Files::exists), "the late part was swept: " + leftovers);
        assertEquals(
                200,
                get(client(RunningPlatform.S3_SECRET_KEY)
                                .getPresignedObjectUrl(io.minio.GetPresignedObjectUrlArgs.builder()
                                        .method(io.minio.Http.Method.GET)
                                        .bucket(RunningPlatform.BUCKET)
                                        .object("assets/" + ticket.getString("assetId") + "/source")
                                        .expiry(60, java.util.concurrent.TimeUnit.SECONDS)
                                        .build()))
                        .statusCode(),
                "the completed upload stays");
    }

    private static HttpResponse<String> put(String url, byte[] bytes) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/octet-stream")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corsPreflightAllowsThePlatformOriginAndExposesEtag() throws Exception {
        HttpResponse<String> ok = preflight("http://localhost:" + RunningPlatform.PORT);
        assertEquals(200, ok.statusCode());
        assertEquals(
                "http://localhost:" + RunningPlatform.PORT,
                ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(
                ok.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse("")
                        .contains("ETag"),
                ok.headers().toString());

        HttpResponse<String> foreign = preflight("http://evil.example");
        assertTrue(
                foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                foreign.headers().toString());
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RunningPlatform.S3_PORT + "/"
                        + RunningPlatform.BUCKET + "/uploads/part?partNumber=1&uploadId=x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
