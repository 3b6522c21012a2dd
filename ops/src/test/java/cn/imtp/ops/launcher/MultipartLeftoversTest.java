package cn.imtp.ops.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartLeftoversTest {

    static final Duration AGE = Duration.ofMinutes(61);
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static Path part(Path bucket, String uploadId, String key, int number, Instant modified) throws Exception {
        Path p = bucket.resolve(MultipartLeftovers.PREFIX + uploadId + "-" + key + "-" + number);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "part " + number);
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    @Test
    void anUploadNobodyCanUseAnyMoreGoesWithAllItsParts(@TempDir Path bucket) throws Exception {
        String dead = "71adecd4-988d-489d-be79-5bba4c749abe";
        Path late = part(
                bucket, dead, "assets/5d719359-d523-424d-9d45-de31483456ae/source", 1, NOW.minus(Duration.ofHours(2)));
        assertEquals(1, MultipartLeftovers.sweep(bucket, NOW, AGE));
        assertFalse(Files.exists(late));
        assertFalse(Files.exists(bucket.resolve(MultipartLeftovers.PREFIX + dead + "-assets")), "its folders too");
    }

    @Test
    void anUploadWithAPartJustSentKeepsItsOldPartsToo(@TempDir Path bucket) throws Exception {
        String live = "0b7d2f6e-2f1c-4c1e-9d7a-3a8f7e1c2b4d";
        Path old = part(bucket, live, "assets/a/source", 1, NOW.minus(Duration.ofDays(2)));
        Path recent = part(bucket, live, "assets/a/source", 2, NOW.minus(Duration.ofMinutes(5)));
        assertEquals(0, MultipartLeftovers.sweep(bucket, NOW, AGE));
        assertTrue(Files.exists(old) && Files.exists(recent));
    }

    @Test
    void theBucketsObjectsAreNeverTouched(@TempDir Path bucket) throws Exception {
        Path object = bucket.resolve("assets/5d719359-d523-424d-9d45-de31483456ae/source");
        Files.createDirectories(object.getParent());
        Files.writeString(object, "a lesson");
        Files.setLastModifiedTime(object, FileTime.from(NOW.minus(Duration.ofDays(400))));
        Path oddName = bucket.resolve(".mpus-short");
        Files.writeString(oddName, "not an upload's part");
        Files.setLastModifiedTime(oddName, FileTime.from(NOW.minus(Duration.ofDays(400))));
        assertEquals(0, MultipartLeftovers.sweep(bucket, NOW, AGE));
        assertTrue(Files.exists(object) && Files.exists(oddName));
    }
}
