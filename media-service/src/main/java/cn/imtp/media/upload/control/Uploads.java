package cn.imtp.media.upload.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.storage.control.ObjectStore.StoredPart;
import cn.imtp.media.transcoding.control.JobQueue;
import cn.imtp.media.transcoding.control.Transcoder;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Uploads straight from the browser to object storage through S3 multipart with presigned part URLs:
 * the file never passes through this server. The parts object storage holds are the truth for
 * resuming and completing; what a client says it sent is not trusted. Completing checks the content
 * (ffprobe or magic bytes) and then queues transcoding.
 */
@ApplicationScoped
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());
    /** S3 allows at most 10,000 parts of at least 5 MiB (except the last). */
    static final long MIN_PART = 8L << 20;

    static final int MAX_PARTS = 10_000;

    public record NewUpload(String fileName, Long size, String contentType) {}

    public record UploadStatus(
            String assetId,
            AssetState state,
            String reason,
            long size,
            long partSize,
            int partCount,
            List<StoredPart> uploadedParts) {}

    public record PartUrl(int number, String url) {}

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    @Inject
    JobQueue queue;

    @Inject
    Transcoder transcoder;

    @Inject
    UploadSettings settings;

    /**
     * Starts the upload the grant allows, or returns the one already started for it (a reload resumes
     * instead of starting over).
     */
    public UploadStatus start(MediaGrant grant, NewUpload request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.fileName() == null || request.fileName().isBlank()) {
            errors.add(new FieldError("fileName", new Words("请填写文件名。", "Give the file's name.")));
        }
        if (request == null || request.size() == null || request.size() < 0) {
            errors.add(new FieldError("size", new Words("请填写文件大小（字节数）。", "Give the file's size in bytes.")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("无法开始上传。", "The upload cannot start."), errors);
        }
        MediaKind kind = MediaKind.valueOf(grant.kind());
        if (!settings.kinds().contains(kind)) {
            throw PlatformException.invalid(
                    new Words(
                            "本平台已关闭 " + kind + " 文件的上传（lms.upload.kinds）。",
                            "Uploads of " + kind + " files are turned off on this platform (lms.upload.kinds)."),
                    List.of(new FieldError(
                            "kind", new Words("可上传：" + settings.kinds(), "Allowed: " + settings.kinds()))));
        }
        if (request.size() == 0) {
            throw PlatformException.invalid(
                    new Words("文件是空的（0 字节）。", "The file is empty (0 bytes)."),
                    List.of(new FieldError("size", new Words("请选择一个不是空的文件。", "Choose a file that is not empty."))));
        }
        if (request.size() > settings.maxBytes()) {
            throw new PlatformException(
                    413,
                    "too-large",
                    "File too large",
                    new Words(
                            "文件有 " + request.size() + " 字节，超过了 " + settings.maxBytes()
                                    + " 字节的上限（lms.upload.max-bytes）。",
                            "The file has " + request.size() + " bytes; the limit is " + settings.maxBytes()
                                    + " bytes (lms.upload.max-bytes)."));
        }
        if (grant.maxBytes() != null && request.size() > grant.maxBytes()) {
            // lms-web's limit for this kind of file, or what is left of the holder's quota.
            throw new PlatformException(
                    413,
                    "too-large",
                    "File too large",
                    new Words(
                            "文件有 " + request.size() + " 字节，超过本次上传允许的 " + grant.maxBytes() + " 字节。",
                            "The file has " + request.size() + " bytes; this upload allows at most " + grant.maxBytes()
                                    + " bytes."));
        }
        Optional<Asset> existing = assets.find(grant.assetId());
        if (existing.isPresent()) {
            Asset a = existing.get();
            if (a.declaredBytes() != request.size()
                    || !a.fileName().equals(request.fileName().trim())) {
                throw PlatformException.conflict(new Words(
                        "这个版本已在上传 " + a.fileName() + "（" + a.declaredBytes() + " 字节）；如要上传其他文件，请新建一个版本。",
                        "This version already has an upload of " + a.fileName() + " (" + a.declaredBytes()
                                + " bytes); start a new version to upload a different file."));
            }
            return status(grant);
        }
        long partSize = Math.max(MIN_PART, (request.size() + MAX_PARTS - 1) / MAX_PARTS);
        String contentType =
                request.contentType() == null || request.contentType().isBlank()
                        ? "application/octet-stream"
                        : request.contentType().trim();
        String uploadId = store.startMultipart(Asset.sourceKey(grant.assetId()), contentType);
        Asset asset = new Asset(
                grant.assetId(),
                kind,
                grant.accountId(),
                request.fileName().trim(),
                contentType,
                request.size(),
                partSize,
                uploadId,
                AssetState.UPLOADING,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        if (!assets.create(asset)) {
            // Another request for the same grant won the race; ours is not needed.
            store.abortMultipart(asset.sourceKey(), uploadId);
        }
        return status(grant);
    }

    public UploadStatus status(MediaGrant grant) {
        Asset a = assets.get(grant.assetId());
        List<StoredPart> parts =
                a.state() == AssetState.UPLOADING ? store.listParts(a.sourceKey(), a.uploadId()) : List.of();
        return new UploadStatus(
                a.id().toString(), a.state(), a.reason(), a.declaredBytes(), a.partSize(), a.partCount(), parts);
    }

    /** Presigned PUT URLs for the parts the client asks for, signed for the public endpoint. */
    public List<PartUrl> partUrls(MediaGrant grant, List<Integer> numbers) {
        Asset a = uploading(grant);
        if (numbers == null || numbers.isEmpty() || numbers.size() > 100) {
            throw PlatformException.invalid(
                    new Words("每次请求 1 至 100 个分片。", "Ask for 1 to 100 parts at a time."),
                    List.of(new FieldError("numbers", new Words("须为 1 至 100 个分片编号", "1 to 100 part numbers"))));
        }
        List<PartUrl> urls = new ArrayList<>();
        for (Integer n : numbers) {
            if (n == null || n < 1 || n > a.partCount()) {
                throw PlatformException.invalid(
                        new Words(
                                "分片编号须在 1 至 " + a.partCount() + " 之间。",
                                "Part numbers run from 1 to " + a.partCount() + "."),
                        List.of(new FieldError("numbers", new Words("没有分片 " + n, "no part " + n))));
            }
            urls.add(new PartUrl(
                    n,
                    store.presignPart(a.sourceKey(), a.uploadId(), n, Duration.ofMinutes(settings.partUrlMinutes()))));
        }
        assets.touch(a.id());
        return urls;
    }

    /**
     * Completes the upload from the parts storage holds, then checks the content. A file that is not
     * what it claims is removed and its asset REJECTED with the reason (a 422 to the client); a good
     * media file is queued for transcoding, a good document is READY.
     */
    public UploadStatus complete(MediaGrant grant) {
        Asset a = assets.get(grant.assetId());
        if (a.state() != AssetState.UPLOADING) {
            return status(grant); // completing twice is harmless
        }
        List<StoredPart> parts = store.listParts(a.sourceKey(), a.uploadId());
        List<Integer> missing = new ArrayList<>();
        for (int n = 1, i = 0; n <= a.partCount(); n++) {
            if (i < parts.size() && parts.get(i).number() == n) {
                i++;
            } else {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            Words gaps = abbreviate(missing);
            throw PlatformException.conflict(new Words(
                    "有分片尚未到达存储（共 " + a.partCount() + " 个分片，缺少 " + gaps.zh() + "）；请先上传这些分片，再完成上传。",
                    "Parts " + gaps.en() + " of " + a.partCount()
                            + " have not reached storage yet; upload them, then complete."));
        }
        long stored = parts.stream().mapToLong(StoredPart::size).sum();
        Optional<Words> wrongSize = ContentCheck.size(stored, a.declaredBytes(), settings.maxBytes());
        if (wrongSize.isPresent()) {
            store.abortMultipart(a.sourceKey(), a.uploadId());
            return reject(a, wrongSize.get());
        }
        store.completeMultipart(a.sourceKey(), a.uploadId(), parts);
        Optional<Words> refusal;
        if (a.kind().isStreamed()) {
            Transcoder.ProbeOutcome probed = transcoder.probe(store.internalUrl(a.sourceKey(), Duration.ofMinutes(10)));
            if (probed.probe() == null) {
                store.bucketExists(); // a 503 when storage, not the file, is what failed
                LOG.info(() -> "ffprobe could not read upload " + a.id() + ": " + probed.error());
            }
            refusal = ContentCheck.media(a.kind(), probed.probe(), probed.error());
            if (refusal.isEmpty()) {
                assets.setProbe(
                        a.id(), probed.probe()); // its duration orders the queue before the job probes the tracks again
            }
        } else {
            byte[] head = store.head(a.sourceKey(), ContentCheck.HEAD_BYTES);
            refusal = ContentCheck.magic(a.kind(), head);
            if (refusal.isEmpty()) {
                // Served with the type its bytes say, under a name that agrees, whatever the client declared.
                String type = ContentCheck.servedType(head, a.fileName());
                assets.setServedAs(a.id(), type, ContentCheck.servedName(a.fileName(), type));
            }
        }
        if (refusal.isPresent()) {
            store.remove(a.sourceKey());
            return reject(a, refusal.get());
        }
        if (a.kind().isStreamed()) {
            if (assets.transition(a.id(), AssetState.UPLOADING, AssetState.PROCESSING, null)) {
                queue.enqueue(a.id());
            }
        } else {
            assets.transition(a.id(), AssetState.UPLOADING, AssetState.READY, null);
        }
        return status(grant);
    }

    private UploadStatus reject(Asset a, Words reason) {
        // The asset keeps one text for readers of either language: the Chinese, then the English.
        assets.transition(a.id(), AssetState.UPLOADING, AssetState.REJECTED, reason.stored());
        LOG.info(() -> "Rejected upload " + a.id() + " (" + a.fileName() + "): " + reason.en());
        throw new PlatformException(422, "rejected-file", "File rejected", reason);
    }

    /** Aborts uploads left unfinished longer than lms.upload.abandon-after-minutes; returns how many. */
    public int abortAbandoned() {
        Timestamp cutOff = Timestamp.from(Instant.now().minus(Duration.ofMinutes(settings.abandonAfterMinutes())));
        int n = 0;
        for (Asset a : assets.unfinishedUploadsBefore(cutOff)) {
            try {
                store.abortMultipart(a.sourceKey(), a.uploadId());
            } catch (PlatformException e) {
                if (ObjectStore.isOutage(e)) {
                    throw e;
                }
                // already gone from storage: marking it is all that is left
            }
            if (assets.transition(
                    a.id(),
                    AssetState.UPLOADING,
                    AssetState.ABANDONED,
                    new Words(
                                    "上传未在 " + settings.abandonAfterMinutes() + " 分钟内完成，请重新上传。",
                                    "The upload was not completed within " + settings.abandonAfterMinutes()
                                            + " minutes; start it again.")
                            .stored())) {
                n++;
            }
        }
        return n;
    }

    private Asset uploading(MediaGrant grant) {
        Asset a = assets.get(grant.assetId());
        if (a.state() != AssetState.UPLOADING) {
            throw PlatformException.conflict(new Words(
                    "这次上传已不再接收分片（状态：" + a.state().words().zh() + "）。",
                    "This upload takes no more parts (state: "
                            + a.state().words().en() + ")."));
        }
        return a;
    }

    private static Words abbreviate(List<Integer> numbers) {
        return numbers.size() <= 10
                ? new Words(numbers.toString(), numbers.toString())
                : new Words(
                        numbers.subList(0, 10) + " 等 " + numbers.size() + " 个",
                        numbers.subList(0, 10) + " and " + (numbers.size() - 10) + " more");
    }
}
