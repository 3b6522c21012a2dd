package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobRunTest {

    @Test
    void aSourceThatDecodedToLessThanItAnnouncedIsSaidToBeIncomplete() {
        assertEquals(Optional.empty(), JobRun.incomplete(20_000, 19_960), "frame rounding is not a cut");
        assertEquals(Optional.empty(), JobRun.incomplete(20_000, 19_000));
        String warning = JobRun.incomplete(20_000, 12_480).orElseThrow();
        assertTrue(warning.startsWith("文件不完整：只有前 12 秒可播放（文件标明 20 秒）"), warning);
    }
}
