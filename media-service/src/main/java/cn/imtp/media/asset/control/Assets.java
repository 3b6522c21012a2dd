package cn.imtp.media.asset.control;

import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import cn.imtp.media.hls.Segment;
import cn.imtp.media.sql.MediaDatabase;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Assets, their renditions and segments in MariaDB. Plain JDBC, each call one statement (or one short
 * transaction): the transcoding workers write here from their own threads, outside any container
 * transaction, and the queries are few and fixed.
 */
@ApplicationScoped
public class Assets {

    @Inject
    MediaDatabase db;

    private static final String COLUMNS =
            "id, kind, owner_id, file_name, content_type, declared_bytes, part_size, upload_id, state,"
                    + " reason, sha256, renditions_of, duration_ms, width, height, created_at, updated_at";

    /** Records a new upload; false when an asset with this id already exists. */
    public boolean create(Asset a) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT IGNORE INTO media_asset (id, kind, owner_id, file_name, content_type,"
                            + " declared_bytes, part_size, upload_id, state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,NOW(3),NOW(3))")) {
                s.setString(1, a.id().toString());
                s.setString(2, a.kind().name());
                s.setLong(3, a.ownerId());
                s.setString(4, a.fileName());
                s.setString(5, a.contentType());
                s.setLong(6, a.declaredBytes());
                s.setLong(7, a.partSize());
                s.setString(8, a.uploadId());
                s.setString(9, a.state().name());
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<Asset> find(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM media_asset WHERE id = ?")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(asset(r)) : Optional.empty();
                }
            }
        });
    }

    public Asset get(UUID id) {
        return find(id).orElseThrow(() -> PlatformException.notFound(new Words("媒体文件", "Media asset"), id));
    }

    /** Moves an asset to {@code to} only from {@code from}; false when another request moved it first. */
    public boolean transition(UUID id, AssetState from, AssetState to, String reason) {
        return update(
                        "UPDATE media_asset SET state = ?, reason = ?, updated_at = NOW(3) WHERE id = ? AND state = ?",
                        to.name(),
                        fit(reason),
                        id.toString(),
                        from.name())
                == 1;
    }

    public void setState(UUID id, AssetState state, String reason) {
        update(
                "UPDATE media_asset SET state = ?, reason = ?, updated_at = NOW(3) WHERE id = ?",
                state.name(),
                fit(reason),
                id.toString());
    }

    public void setProbe(UUID id, Probe p) {
        update(
                "UPDATE media_asset SET duration_ms = ?, width = ?, height = ?, has_video = ?, has_audio = ?, updated_at = NOW(3) WHERE id = ?",
                p.durationMs(),
                p.hasVideo() ? p.width() : null,
                p.hasVideo() ? p.height() : null,
                p.hasVideo(),
                p.hasAudio(),
                id.toString());
    }

    /** What the teacher is told about the source's tracks (kept, turned into captions, left out); null when nothing needs saying. */
    public void setTracksNote(UUID id, String note) {
        update("UPDATE media_asset SET tracks_note = ? WHERE id = ?", note, id.toString());
    }

    public Optional<String> tracksNote(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT tracks_note FROM media_asset WHERE id = ?")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString("tracks_note")) : Optional.empty();
                }
            }
        });
    }

    public void setHash(UUID id, String sha256) {
        update("UPDATE media_asset SET sha256 = ? WHERE id = ?", sha256, id.toString());
    }

    public void reuseRenditionsOf(UUID id, UUID owner) {
        update(
                "UPDATE media_asset SET renditions_of = ?, state = 'READY', reason = NULL, updated_at = NOW(3) WHERE id = ?",
                owner.toString(),
                id.toString());
    }

    /** A finished asset with the same content whose renditions can be served again. */
    public Optional<UUID> readyWithSameContent(String sha256, MediaKind kind, UUID except) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(renditions_of, id) AS renditions_owner FROM media_asset"
                            + " WHERE sha256 = ? AND kind = ? AND state = 'READY' AND id <> ? ORDER BY created_at LIMIT 1")) {
                s.setString(1, sha256);
                s.setString(2, kind.name());
                s.setString(3, except.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(UUID.fromString(r.getString("renditions_owner"))) : Optional.empty();
                }
            }
        });
    }

    /** Uploads begun before the cut-off and never completed. */
    public List<Asset> unfinishedUploadsBefore(Timestamp cutOff) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM media_asset WHERE state = 'UPLOADING' AND updated_at < ? LIMIT 500")) {
                s.setTimestamp(1, cutOff);
                List<Asset> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(asset(r));
                    }
                }
                return out;
            }
        });
    }

    /** What a teacher is told about a video whose transcoding failed for good (the technical detail is in the job and the log). */
    public static final String TRANSCODE_FAILED = new Words(
                    "转码失败：这个文件无法完整解码。请确认它能在电脑上正常播放，或用其他软件重新导出后再上传。",
                    "Transcoding failed: this file could not be decoded to the end. Check that it plays on a computer, or export it"
                            + " again with another program, then upload it again.")
            .stored();

    /** Assets still PROCESSING whose transcoding job has FAILED become FAILED; returns how many. */
    public int failStranded() {
        return update(
                "UPDATE media_asset a JOIN transcode_job j ON j.asset_id = a.id SET a.state = 'FAILED', a.reason = ?,"
                        + " a.updated_at = NOW(3) WHERE j.state = 'FAILED' AND a.state = 'PROCESSING'",
                TRANSCODE_FAILED);
    }

    /** Assets lms-web released (media_asset_release) whose files are still stored, except those being transcoded. */
    public List<Asset> releasedWithFiles() {
        return db.run(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + COLUMNS.replaceAll("(^|, )", "$1a.") + " FROM media_asset_release r"
                            + " JOIN media_asset a ON a.id = r.asset_id WHERE a.state <> 'DELETED' LIMIT 500")) {
                List<Asset> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(asset(r));
                    }
                }
                return out;
            }
        });
    }

    /** Whether another asset, not deleted, plays this one's renditions (the same content uploaded twice). */
    public boolean renditionsReused(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM media_asset WHERE renditions_of = ? AND state <> 'DELETED' LIMIT 1")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** A reason cut to its column (2,000 characters), so that saving a state never fails on it. */
    static String fit(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
    }

    /** Marks an upload as still in use (a part URL was asked for), so that it is not taken for abandoned. */
    public void touch(UUID id) {
        update("UPDATE media_asset SET updated_at = NOW(3) WHERE id = ? AND state = 'UPLOADING'", id.toString());
    }

    public void planRenditions(UUID id, List<Rendition> plan) {
        db.run(c -> {
            c.setAutoCommit(false);
            try {
                for (String table : List.of("media_segment", "media_rendition")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE asset_id = ?")) {
                        s.setString(1, id.toString());
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO media_rendition (asset_id, name, width, height, video_kbps, audio_kbps,"
                                + " source_audio, alternate, language, label, is_default) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (Rendition r : plan) {
                        s.setString(1, id.toString());
                        s.setString(2, r.name());
                        s.setInt(3, r.width());
                        s.setInt(4, r.height());
                        s.setInt(5, r.videoKbps());
                        s.setInt(6, r.audioKbps());
                        s.setObject(7, r.sourceAudio(), Types.INTEGER);
                        s.setBoolean(8, r.isAlternateAudio());
                        s.setString(9, r.isAlternateAudio() ? r.alternate().language() : null);
                        s.setString(10, r.isAlternateAudio() ? r.alternate().label() : null);
                        s.setBoolean(11, r.isAlternateAudio() && r.alternate().isDefault());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return null;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** A rendition as planned, with whether all its segments are stored. */
    public record StoredRendition(Rendition rendition, boolean complete) {}

    public List<StoredRendition> renditions(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, width, height, video_kbps, audio_kbps, complete, source_audio, alternate,"
                            + " language, label, is_default FROM media_rendition WHERE asset_id = ? ORDER BY height * width DESC, is_default DESC, name")) {
                s.setString(1, id.toString());
                List<StoredRendition> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int source = r.getInt("source_audio");
                        Integer sourceAudio = r.wasNull() ? null : source;
                        Rendition.Alternate alternate = r.getBoolean("alternate")
                                ? new Rendition.Alternate(
                                        r.getString("language"), r.getString("label"), r.getBoolean("is_default"))
                                : null;
                        out.add(new StoredRendition(
                                new Rendition(
                                        r.getString("name"),
                                        r.getInt("width"),
                                        r.getInt("height"),
                                        r.getInt("video_kbps"),
                                        r.getInt("audio_kbps"),
                                        sourceAudio,
                                        alternate),
                                r.getBoolean("complete")));
                    }
                }
                return out;
            }
        });
    }

    /** How much of the asset was encoded: its longest rendition (the sum of its segments), in milliseconds. */
    public long encodedMs(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(MAX(t), 0) AS encoded_ms FROM (SELECT SUM(duration_ms) AS t FROM media_segment"
                            + " WHERE asset_id = ? GROUP BY rendition) r")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong("encoded_ms");
                }
            }
        });
    }

    /**
     * READY; when the source decoded to less than it said, with the duration actually encoded (what the player and the
     * attendance ledger go by) and the warning for the teacher in {@code reason}.
     */
    public void ready(UUID id, long encodedMs, String warning) {
        if (warning == null) {
            setState(id, AssetState.READY, null);
        } else {
            update(
                    "UPDATE media_asset SET state = 'READY', duration_ms = ?, reason = ?, updated_at = NOW(3) WHERE id = ?",
                    encodedMs,
                    fit(warning),
                    id.toString());
        }
    }

    public void completeRenditions(UUID id) {
        update("UPDATE media_rendition SET complete = TRUE WHERE asset_id = ?", id.toString());
    }

    public void addSegment(UUID id, String rendition, int seq, int durationMs, long bytes) {
        update(
                "INSERT IGNORE INTO media_segment (asset_id, rendition, seq, duration_ms, bytes) VALUES (?,?,?,?,?)",
                id.toString(),
                rendition,
                seq,
                durationMs,
                bytes);
    }

    /** How many segments of each rendition are stored. */
    public Map<String, Integer> segmentCounts(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT rendition, COUNT(*) AS segments FROM media_segment WHERE asset_id = ? GROUP BY rendition")) {
                s.setString(1, id.toString());
                Map<String, Integer> out = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString("rendition"), r.getInt("segments"));
                    }
                }
                return out;
            }
        });
    }

    public List<Segment> segments(UUID id, String rendition) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, duration_ms FROM media_segment WHERE asset_id = ? AND rendition = ? ORDER BY seq")) {
                s.setString(1, id.toString());
                s.setString(2, rendition);
                List<Segment> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Segment(r.getInt("seq"), r.getInt("duration_ms")));
                    }
                }
                return out;
            }
        });
    }

    /** The type and name a checked document or image is downloaded as (decided by media-service, not the client). */
    public void setServedAs(UUID id, String contentType, String fileName) {
        update(
                "UPDATE media_asset SET content_type = ?, file_name = ? WHERE id = ?",
                contentType,
                fileName,
                id.toString());
    }

    /** A caption track: language code (BCP 47) and the name players show. */
    public record Caption(String language, String name) {}

    public void putCaption(UUID id, Caption c) {
        update(
                "INSERT INTO media_caption (asset_id, language, name) VALUES (?,?,?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
                id.toString(),
                c.language(),
                c.name());
    }

    /** Removes a caption track's row; false when the asset has none in that language. */
    public boolean deleteCaption(UUID id, String language) {
        return update("DELETE FROM media_caption WHERE asset_id = ? AND language = ?", id.toString(), language) == 1;
    }

    public List<Caption> captions(UUID id) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT language, name FROM media_caption WHERE asset_id = ? ORDER BY language")) {
                s.setString(1, id.toString());
                List<Caption> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Caption(r.getString("language"), r.getString("name")));
                    }
                }
                return out;
            }
        });
    }

    int update(String statement, Object... values) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    if (v == null) {
                        s.setNull(i + 1, Types.VARCHAR);
                    } else {
                        s.setObject(i + 1, v);
                    }
                }
                return s.executeUpdate();
            }
        });
    }

    private static Asset asset(ResultSet r) throws SQLException {
        String reuse = r.getString("renditions_of");
        long duration = r.getLong("duration_ms");
        Long durationMs = r.wasNull() ? null : duration;
        int width = r.getInt("width");
        Integer w = r.wasNull() ? null : width;
        int height = r.getInt("height");
        Integer h = r.wasNull() ? null : height;
        return new Asset(
                UUID.fromString(r.getString("id")),
                MediaKind.valueOf(r.getString("kind")),
                r.getLong("owner_id"),
                r.getString("file_name"),
                r.getString("content_type"),
                r.getLong("declared_bytes"),
                r.getLong("part_size"),
                r.getString("upload_id"),
                AssetState.valueOf(r.getString("state")),
                r.getString("reason"),
                r.getString("sha256"),
                reuse == null ? null : UUID.fromString(reuse),
                durationMs,
                w,
                h,
                r.getTimestamp("created_at").toInstant(),
                r.getTimestamp("updated_at").toInstant());
    }
}
