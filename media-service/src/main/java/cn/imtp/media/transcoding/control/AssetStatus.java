package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.transcoding.entity.Job;
import cn.imtp.media.transcoding.entity.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads an asset's whole status from the database, so that any node answers for a job on any node. */
@ApplicationScoped
public class AssetStatus {

    @Inject
    Assets assets;

    @Inject
    JobQueue queue;

    @Inject
    TranscodeSettings transcoding;

    public AssetView of(UUID id) {
        Asset a = assets.get(id);
        UUID owner = a.renditionOwner();
        Map<String, Integer> segments = assets.segmentCounts(owner);
        List<AssetView.RenditionView> renditions = assets.renditions(owner).stream()
                .map(r -> new AssetView.RenditionView(
                        r.rendition().name(),
                        r.rendition().width(),
                        r.rendition().height(),
                        r.complete(),
                        segments.getOrDefault(r.rendition().name(), 0),
                        r.rendition().isAlternateAudio()
                                ? r.rendition().alternate().language()
                                : null,
                        r.rendition().isAlternateAudio()
                                ? r.rendition().alternate().isDefault()
                                : null))
                .toList();
        Job job = queue.forAsset(id).orElse(null);
        // Only a queued job has a place in the queue (one taken over from a vanished worker is first anyway).
        ClaimOrder.Wait wait = job == null || job.state() != JobState.QUEUED
                ? null
                : queue.waiting(
                                job.id(),
                                transcoding.workers(),
                                transcoding.shortLaneWorkers(),
                                transcoding.shortLaneSeconds() * 1000L)
                        .orElse(null);
        return AssetView.of(a, renditions, job, wait, assets.tracksNote(id).orElse(null), assets.captions(id));
    }

    /** A retried asset is processing again. */
    public void markProcessing(UUID id) {
        assets.transition(id, AssetState.FAILED, AssetState.PROCESSING, null);
    }
}
