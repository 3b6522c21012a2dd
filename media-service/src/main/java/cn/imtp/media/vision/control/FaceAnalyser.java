package cn.imtp.media.vision.control;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_face.LBPHFaceRecognizer;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * What OpenCV sees in a photo: the faces (Haar cascade on a copy at most {@value #DETECT_WIDTH} pixels wide), the sharpness
 * of the largest one (variance of the Laplacian of its crop) and the crop itself, normalised for comparison
 * (grey, {@value #CROP} × {@value #CROP}, equalised). Two crops are compared with LBPH (local binary pattern histograms,
 * chi-square distance: 0 for the same picture, larger for less alike). One instance per thread: OpenCV's classifiers
 * are not safe to share.
 */
public final class FaceAnalyser implements AutoCloseable {

    /** A face found, in the photo's own pixels. */
    public record Box(int x, int y, int width, int height) {}

    /**
     * One photo as seen: its size, the faces in it (largest first), the sharpness of the largest, and that face's
     * normalised crop (null when there is no face). {@link #close} frees the crop.
     */
    public record Seen(int width, int height, List<Box> faces, double sharpness, Mat crop) implements AutoCloseable {

        public Box largest() {
            return faces.isEmpty() ? null : faces.get(0);
        }

        @Override
        public void close() {
            if (crop != null) {
                crop.close();
            }
        }
    }

    static final int CROP = 128;

    static final int DETECT_WIDTH = 480;
    private static final String CASCADE =
            "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";

    private final CascadeClassifier detector;

    public FaceAnalyser() {
        try {
            Loader.load(org.bytedeco.opencv.global.opencv_objdetect.class);
            // One thread per check: checks run side by side on the server's request threads; OpenCV's own thread pool
            // on top of them only made them wait for each other.
            org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
            File cascade = Loader.cacheResource(FaceAnalyser.class, CASCADE);
            detector = new CascadeClassifier(cascade.getAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("the face cascade could not be unpacked", e);
        }
        if (detector.empty()) {
            throw new IllegalStateException("the face cascade could not be loaded");
        }
    }

    /** The photo as seen, every face searched for (see {@link #see(byte[], double)}); null when it is no image. */
    public Seen see(byte[] image) {
        return see(image, 0);
    }

    /**
     * The photo as seen; null when the bytes are no image OpenCV can decode (JPEG, PNG, WebP, BMP…). A face narrower
     * than {@code minShare} of the width cannot pass, so the search starts with faces at least that wide — the few
     * coarse scales of the cascade, a tenth of the work — and then looks for other faces only down to a third of the
     * largest found (a margin below the two fifths under which {@link FaceRules} ignores them). When no face that wide is found, every size is
     * searched, so that a face too far from the camera is still told apart from no face at all.
     */
    public Seen see(byte[] image, double minShare) {
        try (Mat grey = decode(image)) {
            return grey.empty() ? null : see(grey, minShare);
        }
    }

    /** The smallest and largest side of a photo the analysis takes (the cascade's window; a 4K frame). */
    public static final int MIN_SIDE = 24;

    public static final int MAX_SIDE = 4096;

    /** Whether a photo of this size can be analysed: both sides within limits, the long one at most 4 times the short. */
    public static boolean supportedSize(int width, int height) {
        return width >= MIN_SIDE
                && height >= MIN_SIDE
                && width <= MAX_SIDE
                && height <= MAX_SIDE
                && Math.max(width, height) <= 4L * Math.min(width, height);
    }

    /**
     * The width and height a JPEG, PNG or BMP says it has, read from its header without decoding it (so that a small
     * file declaring a huge picture is refused before any memory is spent on it); null for other formats or unreadable
     * headers (OpenCV then decodes or refuses them).
     */
    public static int[] declaredSize(byte[] image) {
        try (javax.imageio.stream.ImageInputStream in =
                javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(image))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The image's grey levels (empty when the bytes are no image OpenCV can decode); the caller closes it. */
    public static Mat decode(byte[] image) {
        try (Mat buffer = new Mat(1, image.length, CV_8UC1)) {
            buffer.data().put(image);
            Mat grey = imdecode(buffer, IMREAD_GRAYSCALE);
            return grey == null ? new Mat() : grey;
        }
    }

    private Seen see(Mat grey, double minShare) {
        int width = grey.cols();
        int height = grey.rows();
        if (!supportedSize(width, height)) {
            // Too small for the cascade's window, or a strip: nothing to find (Faces refuses such uploads first).
            return new Seen(width, height, List.of(), 0, null);
        }
        double scale = width > DETECT_WIDTH ? (double) DETECT_WIDTH / width : 1.0;
        List<Box> faces = new ArrayList<>();
        try (Mat small = new Mat();
                RectVector found = new RectVector()) {
            resize(
                    grey,
                    small,
                    new Size((int) Math.round(width * scale), (int) Math.round(height * scale)),
                    0,
                    0,
                    INTER_AREA);
            equalizeHist(small, small);
            detect(small, minShare, found);
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                faces.add(new Box(
                        (int) Math.round(r.x() / scale),
                        (int) Math.round(r.y() / scale),
                        (int) Math.round(r.width() / scale),
                        (int) Math.round(r.height() / scale)));
            }
        }
        faces.sort(Comparator.comparingInt((Box b) -> b.width() * b.height()).reversed());
        if (faces.isEmpty()) {
            return new Seen(width, height, List.of(), 0, null);
        }
        Box f = faces.get(0);
        Rect inside = new Rect(
                Math.max(0, f.x()),
                Math.max(0, f.y()),
                Math.min(f.width(), width - Math.max(0, f.x())),
                Math.min(f.height(), height - Math.max(0, f.y())));
        Mat crop = new Mat();
        try (Mat face = new Mat(grey, inside)) {
            resize(face, crop, new Size(CROP, CROP), 0, 0, INTER_AREA);
        }
        double sharpness = sharpness(crop);
        equalizeHist(crop, crop);
        return new Seen(width, height, List.copyOf(faces), sharpness, crop);
    }

    /** The faces in the equalised copy, searched as {@link #see(byte[], double)} says. */
    private void detect(Mat small, double minShare, RectVector found) {
        int floor = Math.max(24, Math.min(small.cols(), small.rows()) / 12);
        int wide = Math.max(floor, (int) Math.ceil(minShare * small.cols()));
        if (wide > floor) {
            detector.detectMultiScale(small, found, 1.1, 4, 0, new Size(wide, wide), new Size());
            int largest = 0;
            for (long i = 0; i < found.size(); i++) {
                largest = Math.max(largest, found.get(i).width());
            }
            if (largest > 0) {
                // Other faces down to a third of the largest (below the two fifths that count, so that a face near that
                // size is found with the same neighbours as in a full search) and up to one step above the first
                // search's smallest (a face of about that size is found by one search or the other).
                int from = Math.max(floor, largest / 3);
                if (from < wide) {
                    try (RectVector others = new RectVector()) {
                        detector.detectMultiScale(
                                small,
                                others,
                                1.1,
                                4,
                                0,
                                new Size(from, from),
                                new Size(wide * 11 / 10, wide * 11 / 10));
                        for (long i = 0; i < others.size(); i++) {
                            Rect o = others.get(i);
                            if (!overlapsAny(o, found)) {
                                found.push_back(o);
                            }
                        }
                    }
                }
                return;
            }
        }
        detector.detectMultiScale(small, found, 1.1, 4, 0, new Size(floor, floor), new Size());
    }

    /**
     * Whether {@code r} is a face of {@code boxes} found again: its centre lies inside one of them, or it lies inside
     * one give or take a fifth of that one's size (a nested detection, which OpenCV's own grouping drops as well).
     */
    private static boolean overlapsAny(Rect r, RectVector boxes) {
        int cx = r.x() + r.width() / 2;
        int cy = r.y() + r.height() / 2;
        for (long i = 0; i < boxes.size(); i++) {
            Rect b = boxes.get(i);
            int dx = Math.round(b.width() * 0.2f);
            int dy = Math.round(b.height() * 0.2f);
            boolean centred = cx >= b.x() && cx < b.x() + b.width() && cy >= b.y() && cy < b.y() + b.height();
            boolean nested = r.x() >= b.x() - dx
                    && r.y() >= b.y() - dy
                    && r.x() + r.width() <= b.x() + b.width() + dx
                    && r.y() + r.height() <= b.y() + b.height() + dy;
            if (centred || nested) {
                return true;
            }
        }
        return false;
    }

    /** Variance of the Laplacian of the (unequalised) crop: low for a blurred face. */
    private static double sharpness(Mat crop) {
        try (Mat lap = new Mat();
                Mat mean = new Mat();
                Mat sd = new Mat()) {
            Laplacian(crop, lap, CV_64F);
            meanStdDev(lap, mean, sd);
            double s = sd.createIndexer() instanceof DoubleIndexer d ? d.get(0) : 0;
            return s * s;
        }
    }

    /** LBPH distance between two normalised crops: 0 for the same picture, larger for less alike. */
    public double distance(Mat reference, Mat probe) {
        return distances(reference, Arrays.asList(probe)).get(0);
    }

    /**
     * The LBPH distance of each probe crop to the reference crop (null for a null probe), the reference's histograms
     * computed once.
     */
    public List<Double> distances(Mat reference, List<Mat> probes) {
        if (probes.stream().allMatch(java.util.Objects::isNull)) {
            return Arrays.asList(new Double[probes.size()]); // no face to compare: the reference is not even read
        }
        try (LBPHFaceRecognizer lbph = LBPHFaceRecognizer.create(1, 8, 8, 8, Double.MAX_VALUE);
                MatVector images = new MatVector(reference);
                Mat labels = new Mat(1, 1, CV_32SC1);
                IntPointer label = new IntPointer(1);
                DoublePointer confidence = new DoublePointer(1)) {
            labels.ptr(0).putInt(1);
            lbph.train(images, labels);
            List<Double> out = new ArrayList<>();
            for (Mat probe : probes) {
                if (probe == null) {
                    out.add(null);
                } else {
                    lbph.predict(probe, label, confidence);
                    out.add(confidence.get());
                }
            }
            return out;
        }
    }

    /**
     * How much two crops of the same face differ, as the mean absolute difference of their grey levels after a blur
     * that removes sensor noise (0–255): near 0 for the same still picture sent twice, higher when the face moved.
     */
    public double motion(Mat a, Mat b) {
        try (Mat x = new Mat();
                Mat y = new Mat();
                Mat d = new Mat()) {
            GaussianBlur(a, x, new Size(5, 5), 0);
            GaussianBlur(b, y, new Size(5, 5), 0);
            absdiff(x, y, d);
            try (Scalar m = mean(d)) {
                return m.get(0);
            }
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
