package cn.imtp.media.transcoding.control;

import cn.imtp.media.hls.Rendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A job's scratch folder under {@code lms.transcode.work-dir}: made with one folder per rendition and one for
 * thumbnails before ffmpeg starts, emptied as segments are shipped, removed when the attempt ends. A file that cannot
 * be deleted is left for the folder's removal; a folder that cannot be removed is left, since it is scratch space.
 */
final class WorkFolder {

    private WorkFolder() {}

    static void createDirectories(Path out, List<Rendition> plan) {
        try {
            for (Rendition r : plan) {
                Files.createDirectories(out.resolve(r.name()));
            }
            Files.createDirectories(out.resolve("thumbnails"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory " + out, e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file in the work directory goes with the directory
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(WorkFolder::deleteQuietly);
        } catch (IOException ignored) {
            // nothing to do: the directory is scratch space
        }
    }
}
