package cn.imtp.media.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reading ffmpeg's silencedetect and ebur128 reports (as ffmpeg 8 writes them). */
class RecordingMeasuresTest {

    @Test
    void speechIsTheTimeOutsideTheSilencesAndASilenceToTheEndCounts() {
        String log = "[Parsed_silencedetect_0 @ 0x1] silence_start: 3\n"
                + "[Parsed_silencedetect_0 @ 0x1] silence_end: 6.016 | silence_duration: 3.016\n";
        assertEquals(0.5, RecordingMeasures.speechShare(log, 6000), 0.01);
        assertEquals(
                0.417,
                RecordingMeasures.speechShare("silence_start: 1\nsilence_end: 3\nsilence_start: 4.5\n", 6000),
                0.001);
        assertEquals(1.0, RecordingMeasures.speechShare("", 6000));
        assertEquals(0.0, RecordingMeasures.speechShare("silence_start: -0.01\n", 6000));
    }

    @Test
    void theSummaryLoudnessIsReadNotAFramesAndSilenceIsNone() {
        Pattern integrated = Pattern.compile("^\\s*I:\\s+(-?[0-9.]+|-inf) LUFS", Pattern.MULTILINE);
        String log =
                "[Parsed_ebur128_1 @ 0x2] t: 2.9  TARGET:-23 LUFS    M:  -9.8 S:  -9.6     I:  -9.6 LUFS       LRA:  20.0 LU\n"
                        + "    I:          -9.9 LUFS\n    LRA:        10.0 LU\n";
        assertEquals(-9.9, RecordingMeasures.number(integrated, log));
        assertNull(RecordingMeasures.number(integrated, "    I:         -inf LUFS\n"));
    }
}
