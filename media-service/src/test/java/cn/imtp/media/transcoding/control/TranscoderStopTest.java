package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscoderStopTest {

    /**
     * A stopped ffmpeg reads no quit request; the kill finds it by its work folder even when that comes after more than
     * 4,096 bytes of command line (where ProcessHandle.Info stops), and leaves another job's process alone.
     */
    @Test
    void aWriterIntoTheWorkFolderIsKilledWhateverTheLengthOfItsCommandLine(@TempDir Path work) throws Exception {
        Path job = work.resolve("12-1");
        Path other = work.resolve("12-10");
        String longSourceUrl = "http://storage.example/source?" + "X-Amz-Signature=0123456789abcdef".repeat(300);
        // sh waits on its standard input; everything after the script is only carried in its command line.
        Process hung = new ProcessBuilder(
                        "sh",
                        "-c",
                        "read line",
                        "ffmpeg",
                        longSourceUrl,
                        job.resolve("%v").resolve("index.m3u8").toString())
                .start();
        Process neighbour = new ProcessBuilder(
                        "sh",
                        "-c",
                        "read line",
                        "ffmpeg",
                        other.resolve("%v").resolve("index.m3u8").toString())
                .start();
        try {
            assertEquals(1, Transcoder.killWritersInto(job));
            assertTrue(hung.waitFor(10, TimeUnit.SECONDS), "the job's process is gone");
            assertTrue(neighbour.isAlive(), "a process writing into 12-10 is not one writing into 12-1");
        } finally {
            hung.destroyForcibly();
            neighbour.destroyForcibly();
        }
    }
}
