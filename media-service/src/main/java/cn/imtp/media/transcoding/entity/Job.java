package cn.imtp.media.transcoding.entity;

import java.time.Instant;
import java.util.UUID;

/** A transcoding job as the queue holds it. */
public record Job(
        long id,
        UUID assetId,
        JobState state,
        int attempts,
        double progress,
        String error,
        String worker,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
