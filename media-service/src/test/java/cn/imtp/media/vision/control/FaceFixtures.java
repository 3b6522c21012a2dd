package cn.imtp.media.vision.control;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The face fixtures ({@code src/test/resources/faces}, see its README) and photos derived from them as a camera would
 * take them a moment later: moved, lighter, darker, slightly blurred, recompressed; or unusable: heavily blurred, the
 * face small in a wide frame.
 */
final class FaceFixtures {

    static final int PEOPLE = 16;

    enum Change {
        NONE,
        MOVED,
        LIGHTER,
        DARKER,
        SOFTER,
        RECOMPRESSED,
        BLURRED,
        FAR_AWAY
    }

    private FaceFixtures() {}

    static byte[] file(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/faces", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] person(int n) {
        return file(String.format("person%02d.jpg", n));
    }

    /**
     * Two people in one 640 × 480 frame: the first at 55 % of their photo's size on the left, the second at 25 % on
     * the right, on grey — a second face narrower than a passing face but wider than two fifths of the first.
     */
    static byte[] twoPeople(int first, int second) {
        return twoPeople(first, second, 160);
    }

    /** The same with the second person's photo {@code secondWidth} pixels wide (of 640; at most 240). */
    static byte[] twoPeople(int first, int second, int secondWidth) {
        try (Mat a = imdecode(new Mat(new BytePointer(person(first))), IMREAD_COLOR);
                Mat b = imdecode(new Mat(new BytePointer(person(second))), IMREAD_COLOR);
                Mat out = new Mat(480, 640, CV_8UC3, new Scalar(128, 128, 128, 0));
                Mat big = new Mat();
                Mat small = new Mat()) {
            resize(a, big, new Size(352, 264), 0, 0, INTER_AREA);
            int h = secondWidth * 3 / 4;
            resize(b, small, new Size(secondWidth, h), 0, 0, INTER_AREA);
            big.copyTo(new Mat(out, new Rect(32, 108, 352, 264)));
            small.copyTo(new Mat(out, new Rect(392, 240 - h / 2, secondWidth, h)));
            return jpeg(out, 90);
        }
    }

    /** A plain grey PNG of the given size. */
    static byte[] grey(int width, int height) {
        try (Mat m = new Mat(height, width, CV_8UC3, new Scalar(128, 128, 128, 0));
                BytePointer buf = new BytePointer()) {
            org.bytedeco.opencv.global.opencv_imgcodecs.imencode(".png", m, buf);
            byte[] b = new byte[(int) buf.limit()];
            buf.get(b);
            return b;
        }
    }

    static byte[] derive(byte[] jpeg, Change change) {
        try (Mat src = imdecode(new Mat(new BytePointer(jpeg)), IMREAD_COLOR);
                Mat out = new Mat()) {
            switch (change) {
                case MOVED -> {
                    try (Mat t = new Mat(2, 3, CV_64F)) {
                        DoubleIndexer ix = t.createIndexer();
                        ix.put(0, 0, 1.0, 0.0, 18.0);
                        ix.put(1, 0, 0.0, 1.0, -10.0);
                        warpAffine(src, out, t, src.size());
                    }
                }
                case LIGHTER -> src.convertTo(out, -1, 1.0, 40);
                case DARKER -> src.convertTo(out, -1, 0.7, -10);
                case SOFTER -> GaussianBlur(src, out, new Size(5, 5), 0);
                case BLURRED -> GaussianBlur(src, out, new Size(31, 31), 0);
                case FAR_AWAY -> {
                    // The same picture at a fifth of its size in the middle of a grey frame of the same size.
                    try (Mat small = new Mat()) {
                        resize(src, small, new Size(src.cols() / 5, src.rows() / 5), 0, 0, INTER_AREA);
                        new Mat(src.rows(), src.cols(), CV_8UC3, new Scalar(128, 128, 128, 0)).copyTo(out);
                        small.copyTo(new Mat(
                                out, new Rect(src.cols() * 2 / 5, src.rows() * 2 / 5, small.cols(), small.rows())));
                    }
                }
                default -> src.copyTo(out);
            }
            return jpeg(out, change == Change.RECOMPRESSED ? 30 : 90);
        }
    }

    private static byte[] jpeg(Mat image, int quality) {
        try (BytePointer buf = new BytePointer()) {
            imencode(".jpg", image, buf, new IntPointer(IMWRITE_JPEG_QUALITY, quality));
            byte[] b = new byte[(int) buf.limit()];
            buf.get(b);
            return b;
        }
    }
}
