package cn.imtp.ops.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parts of multipart uploads that the embedded store keeps after nobody can use them. S3Proxy's filesystem
 * backend keeps an upload's parts as {@code .mpus-<upload id>-<key>-<part>} entries at the top of the bucket's
 * directory, and it still accepts a part PUT to a part URL after the upload was completed (real S3 answers
 * NoSuchUpload), so a holder of an upload grant could leave parts behind that nothing lists. An upload's entries are
 * removed once none of them changed for {@code age}: media-service aborts an upload without progress for
 * {@code lms.upload.abandon-after-minutes}, and a part URL works for {@code lms.upload.part-url-minutes} at most, so the
 * launcher takes their sum: no live upload loses a part.
 */
final class MultipartLeftovers {

    static final String PREFIX = ".mpus-";
    private static final int UPLOAD_ID_LENGTH = 36;

    private MultipartLeftovers() {}

    /** The top-level entries of {@code bucket} of the uploads none of whose entries changed for {@code age}. */
    static List<Path> stale(Path bucket, Instant now, Duration age) throws IOException {
        Map<String, List<Path>> byUpload = new LinkedHashMap<>();
        try (Stream<Path> top = Files.list(bucket)) {
            for (Path p : (Iterable<Path>) top::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(PREFIX) && name.length() >= PREFIX.length() + UPLOAD_ID_LENGTH) {
                    byUpload.computeIfAbsent(
                                    name.substring(0, PREFIX.length() + UPLOAD_ID_LENGTH), k -> new ArrayList<>())
                            .add(p);
                }
            }
        }
        List<Path> out = new ArrayList<>();
        for (List<Path> entries : byUpload.values()) {
            if (newest(entries).toInstant().plus(age).isBefore(now)) {
                out.addAll(entries);
            }
        }
        return out;
    }

    /** Removes the stale entries; returns how many top-level entries went. */
    static int sweep(Path bucket, Instant now, Duration age) throws IOException {
        List<Path> stale = stale(bucket, now, age);
        for (Path entry : stale) {
            try (Stream<Path> all = Files.walk(entry)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return stale.size();
    }

    /** When a part was last written (the folders a key's slashes make count only when they hold no part). */
    private static FileTime newest(List<Path> entries) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        boolean parts = false;
        for (Path entry : entries) {
            try (Stream<Path> all = Files.walk(entry)) {
                for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                    parts = true;
                    FileTime t = Files.getLastModifiedTime(p);
                    if (t.compareTo(newest) > 0) {
                        newest = t;
                    }
                }
            }
        }
        if (!parts) {
            for (Path entry : entries) {
                FileTime t = Files.getLastModifiedTime(entry);
                newest = t.compareTo(newest) > 0 ? t : newest;
            }
        }
        return newest;
    }
}
