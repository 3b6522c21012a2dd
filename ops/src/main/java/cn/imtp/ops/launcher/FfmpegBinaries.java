package cn.imtp.ops.launcher;

import org.bytedeco.javacpp.Loader;

/**
 * Where ffmpeg and ffprobe are: the configured executables, or those of the bytedeco GPL build
 * (with libx264), unpacked once into {@code var/javacpp}.
 */
record FfmpegBinaries(String ffmpeg, String ffprobe, String libraryPath) {

    static FfmpegBinaries resolve(LauncherSettings s) {
        if (s.ffmpeg().isPresent() && s.ffprobe().isPresent()) {
            return new FfmpegBinaries(s.ffmpeg().get(), s.ffprobe().get(), "");
        }
        System.setProperty(
                "org.bytedeco.javacpp.cachedir", s.varDir().resolve("javacpp").toString());
        try {
            String ffmpeg = s.ffmpeg().orElseGet(() -> Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            String ffprobe = s.ffprobe().orElseGet(() -> Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            // The bundled executables link the shared libraries unpacked beside them.
            return new FfmpegBinaries(
                    ffmpeg, ffprobe, java.nio.file.Path.of(ffmpeg).getParent().toString());
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(
                    "The bundled ffmpeg needs a system library that is missing (" + e.getMessage()
                            + "). Install it with 'apt-get install libpulse0', or point LMS_FFMPEG and LMS_FFPROBE at a system ffmpeg.",
                    e);
        }
    }
}
