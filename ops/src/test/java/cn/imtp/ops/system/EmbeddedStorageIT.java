package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded S3 store that ./ops/run starts: real S3, authenticated, CORS open to the platform's origin only. */
@ExtendWith(RunningPlatform.class)
class EmbeddedStorageIT {

    static MinioClient client(String secret) {
        return MinioClient.builder().endpoint("http://127.0.0.1:" + RunningPlatform.S3_PORT).region("us-east-1")
                .credentials(RunningPlatform.S3_ACCESS_KEY, secret).build();
    }

    @Test
    void bucketExistsAndWrongCredentialsAreRefused() throws Exception {
        assertTrue(client(RunningPlatform.S3_SECRET_KEY).bucketExists(BucketExistsArgs.builder().bucket(RunningPlatform.BUCKET).build()));
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> client("wrong-secret-000000000").bucketExists(BucketExistsArgs.builder().bucket(RunningPlatform.BUCKET).build()));
        assertTrue(refused.getMessage() != null);
    }

    @Test
    void nothingIsListedOrReadWithoutASignature() throws Exception {
        MinioClient client = client(RunningPlatform.S3_SECRET_KEY);
        String key = "probe/" + System.nanoTime() + ".txt";
        byte[] bytes = "私有".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        client.putObject(io.minio.PutObjectArgs.builder().bucket(RunningPlatform.BUCKET).object(key)
                .stream(new java.io.ByteArrayInputStream(bytes), (long) bytes.length, -1L).build());
        String base = "http://127.0.0.1:" + RunningPlatform.S3_PORT + "/" + RunningPlatform.BUCKET;
        assertEquals(403, get(base).statusCode(), "an anonymous listing");
        assertEquals(403, get(base + "/" + key).statusCode(), "an anonymous read of a known key");
        String signed = client.getPresignedObjectUrl(io.minio.GetPresignedObjectUrlArgs.builder().method(io.minio.Http.Method.GET)
                .bucket(RunningPlatform.BUCKET).object(key).expiry(60, java.util.concurrent.TimeUnit.SECONDS).build());
        assertEquals(200, get(signed).statusCode());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corsPreflightAllowsThePlatformOriginAndExposesEtag() throws Exception {
        HttpResponse<String> ok = preflight("http://localhost:" + RunningPlatform.PORT);
        assertEquals(200, ok.statusCode());
        assertEquals("http://localhost:" + RunningPlatform.PORT, ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(ok.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("ETag"), ok.headers().toString());

        HttpResponse<String> foreign = preflight("http://evil.example");
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), foreign.headers().toString());
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
