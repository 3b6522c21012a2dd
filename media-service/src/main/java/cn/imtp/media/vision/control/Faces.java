package cn.imtp.media.vision.control;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Presence checks' face work, on this server: enrol a person's reference photo, verify the frames of a check against
 * it, hand the photos to a reviewer, forget them. The verdict is computed here from the images alone (nothing the
 * client computed is taken); the thresholds are {@link FaceSettings}'.
 */
@ApplicationScoped
public class Faces {

    private static final Logger LOG = Logger.getLogger(Faces.class.getName());

    /** What an enrolled reference photo measured. */
    public record Enrolled(int width, int height, int faceWidth, double sharpness) {}

    /**
     * A check's verdict: the outcome code, the best distance to the reference (lower is closer) and the threshold it was
     * held to, the least motion between frames, the faces found in each frame, and whether the frames were kept for review.
     */
    public record Checked(
            String outcome,
            boolean passed,
            Double distance,
            double threshold,
            Double motion,
            List<Integer> faces,
            boolean kept) {}

    /** One analyser per thread: OpenCV's classifiers are not shared between threads. */
    private static final ThreadLocal<FaceAnalyser> ANALYSER = ThreadLocal.withInitial(FaceAnalyser::new);

    @Inject
    FaceSettings settings;

    @Inject
    FaceVault vault;

    /** Stores the photo as the subject's reference when it shows exactly one face, large and sharp enough; 422 otherwise. */
    public Enrolled enrol(UUID subject, byte[] photo) {
        checkSize(photo, "photo");
        FaceAnalyser a = ANALYSER.get();
        try (FaceAnalyser.Seen seen = see(a, photo, "photo")) {
            FaceRules.Outcome o = settings.rules().usable(measure(seen));
            if (o != FaceRules.Outcome.PASSED) {
                throw refused(o);
            }
            vault.put(FaceVault.reference(subject), photo);
            vault.put(FaceVault.referenceCrop(subject), png(seen.crop()));
            return new Enrolled(
                    seen.width(), seen.height(), seen.largest().width(), Math.round(seen.sharpness() * 10) / 10.0);
        }
    }

    /**
     * Verifies a check's frames (taken about a second apart) against the subject's reference. The frames of a check
     * that did not pass are kept, encrypted, when {@code keepFailed}, for a person to review.
     */
    public Checked verify(UUID subject, UUID check, List<byte[]> frames, boolean keepFailed) {
        if (frames == null || frames.size() < settings.rules().minFrames() || frames.size() > settings.maxFrames()) {
            throw PlatformException.invalid(
                    new Words(
                            "一次核验需要 " + settings.rules().minFrames() + "–" + settings.maxFrames() + " 帧画面（间隔约一秒）。",
                            "A check sends " + settings.rules().minFrames() + " to " + settings.maxFrames()
                                    + " frames about a second apart."),
                    List.of(new FieldError(
                            "frames",
                            frames == null
                                    ? new Words("缺少画面", "missing")
                                    : new Words(frames.size() + " 帧", frames.size() + " frames"))));
        }
        for (int i = 0; i < frames.size(); i++) {
            checkSize(frames.get(i), "frames[" + i + "]");
        }
        byte[] cropPng = vault.get(FaceVault.referenceCrop(subject))
                .orElseThrow(() -> new PlatformException(
                        404,
                        "not-enrolled",
                        "Not enrolled",
                        new Words(
                                "此人尚未登记参照照片，请先登记。",
                                "No reference photo is enrolled for this person; enrol one first.")));
        FaceAnalyser a = ANALYSER.get();
        List<FaceAnalyser.Seen> seen = new ArrayList<>();
        try (Mat reference = FaceAnalyser.decode(cropPng)) {
            for (int i = 0; i < frames.size(); i++) {
                seen.add(see(a, frames.get(i), "frames[" + i + "]"));
            }
            List<FaceRules.Measure> measures = seen.stream().map(Faces::measure).toList();
            List<Double> distances = a.distances(
                    reference, seen.stream().map(FaceAnalyser.Seen::crop).toList());
            List<Double> motions = new ArrayList<>();
            for (int i = 0; i + 1 < seen.size(); i++) {
                Mat x = seen.get(i).crop();
                Mat y = seen.get(i + 1).crop();
                motions.add(x == null || y == null ? null : a.motion(x, y));
            }
            FaceRules.Verdict v = settings.rules().check(measures, distances, motions);
            boolean keep = keepFailed && !v.passed();
            if (keep) {
                for (int i = 0; i < frames.size(); i++) {
                    vault.put(FaceVault.frame(subject, check, i), frames.get(i));
                }
            }
            LOG.fine(() -> "check " + check + ": " + v);
            return new Checked(
                    v.outcome().name(),
                    v.passed(),
                    round(v.distance()),
                    settings.rules().matchThreshold(),
                    round(v.motion()),
                    measures.stream().map(FaceRules.Measure::faces).toList(),
                    keep);
        } finally {
            seen.forEach(FaceAnalyser.Seen::close);
        }
    }

    /** The enrolled photo, or a kept frame of a check ({@code frame} ≥ 0); 404 when there is none. */
    public byte[] photo(UUID subject, UUID check, int frame) {
        String key = check == null ? FaceVault.reference(subject) : FaceVault.frame(subject, check, frame);
        return vault.get(key)
                .orElseThrow(() -> PlatformException.notFound(
                        check == null
                                ? new Words("没有登记的参照照片。", "Photo reference does not exist.")
                                : new Words(
                                        "核验 " + check + " 的第 " + frame + " 帧照片不存在。",
                                        "Photo " + check + "/" + frame + " does not exist.")));
    }

    public int forget(UUID subject) {
        return vault.forget(subject);
    }

    public int forgetCheck(UUID subject, UUID check) {
        return vault.forgetCheck(subject, check);
    }

    private void checkSize(byte[] image, String field) {
        if (image == null || image.length == 0) {
            throw PlatformException.invalid(
                    new Words("缺少图片。", "The image is missing."),
                    List.of(new FieldError(field, new Words("为空", "empty"))));
        }
        if (image.length > settings.maxImageBytes()) {
            throw PlatformException.invalid(
                    new Words(
                            "图片过大（上限 " + settings.maxImageBytes() / 1024 + " KB），请用较小的分辨率。",
                            "The image is larger than " + settings.maxImageBytes() / 1024 + " KB; send a smaller one."),
                    List.of(new FieldError(field, new Words(image.length + " 字节", image.length + " bytes"))));
        }
        int[] size = FaceAnalyser.declaredSize(image);
        if (size != null && !FaceAnalyser.supportedSize(size[0], size[1])) {
            throw PlatformException.invalid(
                    new Words(
                            "图片尺寸不支持：宽和高须在 " + FaceAnalyser.MIN_SIDE + " 至 " + FaceAnalyser.MAX_SIDE
                                    + " 像素之间，长边不超过短边的 4 倍。",
                            "Images must be " + FaceAnalyser.MIN_SIDE + " to " + FaceAnalyser.MAX_SIDE
                                    + " pixels wide and high, the long side at most 4 times the short one."),
                    List.of(new FieldError(
                            field,
                            new Words(size[0] + " × " + size[1] + " 像素", size[0] + " × " + size[1] + " pixels"))));
        }
    }

    private FaceAnalyser.Seen see(FaceAnalyser a, byte[] image, String field) {
        FaceAnalyser.Seen seen = a.see(image, settings.rules().minFaceShare());
        if (seen == null) {
            throw PlatformException.invalid(
                    new Words("无法识别为图片（支持 JPEG、PNG、WebP）。", "This is not an image that can be read (JPEG, PNG, WebP)."),
                    List.of(new FieldError(field, new Words("不是图片", "not an image"))));
        }
        return seen;
    }

    static FaceRules.Measure measure(FaceAnalyser.Seen s) {
        return new FaceRules.Measure(
                s.width(), s.faces().stream().map(FaceAnalyser.Box::width).toList(), s.sharpness());
    }

    static PlatformException refused(FaceRules.Outcome o) {
        Words detail = switch (o) {
            case NO_FACE -> new Words("照片中没有找到人脸：请正对摄像头，光线充足。", "No face was found: face the camera in good light.");
            case SEVERAL_FACES ->
                new Words("照片中不止一张人脸：请只让本人入镜。", "More than one face: only the learner may be in view.");
            case FACE_TOO_SMALL ->
                new Words("人脸太小：请靠近摄像头，让脸占画面宽度的五分之一以上。", "The face is too small: come closer to the camera.");
            case TOO_BLURRY -> new Words("照片模糊：请保持不动并擦净镜头。", "The photo is blurred: hold still and clean the lens.");
            default -> new Words("照片不能用作参照。", "The photo cannot serve as a reference.");
        };
        return new PlatformException(
                422, o.name().toLowerCase(Locale.ROOT).replace('_', '-'), "Photo not usable", detail);
    }

    private static byte[] png(Mat crop) {
        try (BytePointer out = new BytePointer()) {
            imencode(".png", crop, out);
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 10) / 10.0;
    }
}
