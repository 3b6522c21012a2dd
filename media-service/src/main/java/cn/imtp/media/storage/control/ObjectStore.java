package cn.imtp.media.storage.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CopyObjectArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.ListPartsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SourceObject;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.minio.messages.ListPartsResult;
import io.minio.messages.Part;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one place that talks to object storage. Every failure to reach it becomes a 503 problem
 * ({@link #isOutage} tells callers which exceptions those are), never a stack trace.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    /** A part of a multipart upload as object storage recorded it. */
    public record StoredPart(int number, String etag, long size) {}

    @Inject
    MinioClient client;

    @Inject
    MinioAsyncClient asyncClient;

    @Inject
    @Presigning
    MinioClient presigner;

    @Inject
    StorageSettings settings;

    @FunctionalInterface
    private interface StorageCall<T> {
        T call() throws Exception;
    }

    /**
     * Created at deployment, not on the first request: readiness checks run on Payara's own threads,
     * where the WAR's configuration is not visible, so the settings must be read here.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        try {
            ensureBucket();
        } catch (PlatformException e) {
            LOG.warning(() ->
                    "Object storage is not reachable at start-up; readiness stays DOWN until it is: " + e.getMessage());
        }
    }

    /** True when the configured bucket exists. */
    public boolean bucketExists() {
        return call(
                "check the bucket",
                () -> client.bucketExists(
                        BucketExistsArgs.builder().bucket(settings.bucket()).build()));
    }

    /** Creates the bucket when it is missing, so that a fresh MinIO or S3 works without manual steps. */
    public void ensureBucket() {
        if (!bucketExists()) {
            call("create the bucket", () -> {
                client.makeBucket(
                        MakeBucketArgs.builder().bucket(settings.bucket()).build());
                return null;
            });
            LOG.info(() -> "Created bucket " + settings.bucket());
        }
    }

    public String startMultipart(String key, String contentType) {
        return call(
                "start an upload",
                () -> asyncClient
                        .createMultipartUpload(CreateMultipartUploadArgs.builder()
                                .bucket(settings.bucket())
                                .object(key)
                                .headers(new Http.Headers(Map.of("Content-Type", contentType)))
                                .build())
                        .join()
                        .result()
                        .uploadId());
    }

    /** The parts object storage holds for an upload, in order; the client's word on its parts is never taken. */
    public List<StoredPart> listParts(String key, String uploadId) {
        return call("list the uploaded parts", () -> {
            List<StoredPart> parts = new ArrayList<>();
            Integer marker = null;
            while (true) {
                ListPartsResult page = asyncClient
                        .listParts(ListPartsArgs.builder()
                                .bucket(settings.bucket())
                                .object(key)
                                .uploadId(uploadId)
                                .maxParts(1000)
                                .partNumberMarker(marker)
                                .build())
                        .join()
                        .result();
                for (Part p : page.parts()) {
                    parts.add(new StoredPart(p.partNumber(), p.etag(), p.partSize()));
                }
                if (!page.isTruncated()) {
                    return parts;
                }
                marker = page.nextPartNumberMarker();
            }
        });
    }

    /** A URL the browser PUTs one part to, signed for the public endpoint. */
    public String presignPart(String key, String uploadId, int partNumber, Duration expiry) {
        Map<String, String> query = new HashMap<>();
        query.put("uploadId", uploadId);
        query.put("partNumber", Integer.toString(partNumber));
        return call(
                "sign a part URL",
                () -> presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.PUT)
                        .bucket(settings.bucket())
                        .object(key)
                        .extraQueryParams(query)
                        .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS)
                        .build()));
    }

    public void completeMultipart(String key, String uploadId, List<StoredPart> parts) {
        Part[] array = parts.stream().map(p -> new Part(p.number(), p.etag())).toArray(Part[]::new);
        call(
                "complete the upload",
                () -> asyncClient
                        .completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                                .bucket(settings.bucket())
                                .object(key)
                                .uploadId(uploadId)
                                .parts(array)
                                .build())
                        .join());
    }

    public void abortMultipart(String key, String uploadId) {
        call(
                "abort an upload",
                () -> asyncClient
                        .abortMultipartUpload(AbortMultipartUploadArgs.builder()
                                .bucket(settings.bucket())
                                .object(key)
                                .uploadId(uploadId)
                                .build())
                        .join());
    }

    /** The object's size, or empty when there is no such object. */
    public Optional<Long> size(String key) {
        return call("read an object's size", () -> {
            try {
                return Optional.of(client.statObject(StatObjectArgs.builder()
                                .bucket(settings.bucket())
                                .object(key)
                                .build())
                        .size());
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** The first {@code length} bytes of an object (fewer when it is shorter). */
    public byte[] head(String key, int length) {
        return call("read an object", () -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .offset(0L)
                    .length((long) length)
                    .build())) {
                return in.readNBytes(length);
            }
        });
    }

    /** The whole object as a stream; the caller closes it. */
    public InputStream open(String key) {
        return call(
                "read an object",
                () -> client.getObject(GetObjectArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .build()));
    }

    /** A GET URL on the servers' endpoint, for ffprobe and ffmpeg to read a source without a local copy. */
    public String internalUrl(String key, Duration expiry) {
        return call(
                "sign a URL",
                () -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.GET)
                        .bucket(settings.bucket())
                        .object(key)
                        .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS)
                        .build()));
    }

    /** A signer of GET URLs for browsers that viewers share per slot, valid at least {@code lifetime}: see {@link SharedGetSigner}. */
    public SharedGetSigner sharedGets(Duration lifetime) {
        return new SharedGetSigner(
                settings.publicEndpoint(),
                settings.bucket(),
                settings.region(),
                settings.accessKey(),
                settings.secretKey(),
                lifetime);
    }

    /** A GET URL for browsers (range requests work on it); {@code downloadName} makes it a download. */
    public String publicUrl(String key, Duration expiry, String contentType, String downloadName) {
        Map<String, String> query = new HashMap<>();
        if (contentType != null) {
            query.put("response-content-type", contentType);
        }
        if (downloadName != null) {
            query.put(
                    "response-content-disposition",
                    "attachment; filename*=UTF-8''"
                            + URLEncoder.encode(downloadName, StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
        }
        return call(
                "sign a URL",
                () -> presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.GET)
                        .bucket(settings.bucket())
                        .object(key)
                        .extraQueryParams(query)
                        .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS)
                        .build()));
    }

    public void put(String key, Path file, String contentType) {
        call(
                "store a file",
                () -> client.uploadObject(UploadObjectArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .filename(file.toString())
                        .contentType(contentType)
                        .build()));
    }

    /** Stores a small object from memory (a photo, a sealed blob). */
    public void put(String key, byte[] bytes, String contentType) {
        call(
                "store a file",
                () -> client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key).stream(
                                new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                        .contentType(contentType)
                        .build()));
    }

    /** A small object read whole into memory, or empty when there is no such object. */
    public Optional<byte[]> read(String key) {
        return call("read an object", () -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build())) {
                return Optional.of(in.readAllBytes());
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public void copy(String from, String to) {
        call(
                "copy an object",
                () -> client.copyObject(CopyObjectArgs.builder()
                        .bucket(settings.bucket())
                        .object(to)
                        .source(SourceObject.builder()
                                .bucket(settings.bucket())
                                .object(from)
                                .build())
                        .build()));
    }

    public void remove(String key) {
        call("remove an object", () -> {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
            return null;
        });
    }

    /** Removes every object whose key starts with {@code prefix}; returns how many there were. */
    public int removeAll(String prefix) {
        return call("remove objects", () -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket())
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                keys.add(item.get().objectName());
            }
            for (String key : keys) {
                client.removeObject(RemoveObjectArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .build());
            }
            return keys.size();
        });
    }

    /** True for the 503 this class throws when storage cannot be reached. */
    public static boolean isOutage(Throwable e) {
        return e instanceof PlatformException p && p.status() == 503;
    }

    private <T> T call(String what, StorageCall<T> call) {
        try {
            return call.call();
        } catch (CompletionException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    private PlatformException failure(String what, Throwable e) {
        if (e instanceof PlatformException p) {
            return p;
        }
        if (e instanceof ErrorResponseException r) {
            // Storage answered: the request itself was wrong (no such upload, a part missing); not an outage. Its own
            // words
            // go to the log; the caller reads what it means for the upload.
            LOG.info(() -> "Object storage refused to " + what + ": "
                    + r.errorResponse().code() + " " + r.errorResponse().message());
            return PlatformException.conflict(refusal(r.errorResponse().code(), what));
        }
        // The storage's address and the client's words go to the log only: the caller reads what happened and what to
        // do.
        LOG.warning(() -> "Object storage at " + settings.endpoint() + " could not " + what + ": " + e);
        return PlatformException.unavailable(
                "Object storage",
                new Words(
                        "文件存储暂时无法访问，已收到的内容不会丢失，请稍后重试。",
                        "Object storage cannot be reached just now (it could not " + what
                                + "); nothing you sent was lost. Try again in a moment."));
    }

    /** What a refusal by storage means for the person uploading or opening the file. */
    static Words refusal(String code, String what) {
        String c = code == null ? "" : code.strip();
        return switch (c) {
            case "NoSuchUpload" ->
                new Words(
                        "这次上传已结束或已取消，请重新选择文件上传。",
                        "This upload has ended or was cancelled; choose the file and upload it again.");
            case "InvalidPart", "InvalidPartOrder", "EntityTooSmall" ->
                new Words(
                        "上传的分片缺失或不完整，请继续上传或重新上传。",
                        "A part of the upload is missing or incomplete; resume the upload or start it again.");
            case "NoSuchKey" -> new Words("存储中没有这个文件，请重新上传。", "The file is not in storage; upload it again.");
            default ->
                new Words(
                        "文件存储拒绝了这次操作" + (c.isEmpty() ? "" : "（" + c + "）") + "，请重试；仍不成功请联系管理员。",
                        "Object storage refused to " + what + (c.isEmpty() ? "" : " (" + c + ")")
                                + "; try again, and tell an administrator if it keeps happening.");
        };
    }
}
