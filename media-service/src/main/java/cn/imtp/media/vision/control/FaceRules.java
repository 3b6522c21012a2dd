package cn.imtp.media.vision.control;

import java.util.List;

/**
 * What the measures of a photo or of a presence check's frames come to (pure). A reference photo is enrolled only
 * with exactly one face, large and sharp enough. A check passes only when every frame shows exactly one such face, the
 * closest frame is within the match threshold of the reference, and the face moved between frames (a still picture
 * fed to the camera does not).
 *
 * @param matchThreshold the largest LBPH distance that counts as the same person
 * @param minFaceShare   the smallest face width, as a share of the photo's width
 * @param minSharpness   the lowest sharpness (variance of the Laplacian of the face crop)
 * @param minMotion      the lowest mean grey-level difference of the face between consecutive frames
 * @param minFrames      how many frames a check sends at least (liveness needs two)
 */
public record FaceRules(
        double matchThreshold, double minFaceShare, double minSharpness, double minMotion, int minFrames) {

    /**
     * Why a photo or a check did not pass; {@link #PASSED} when it did. The codes are part of the API: lms-web words
     * them for people.
     */
    public enum Outcome {
        PASSED,
        /** No face found. */
        NO_FACE,
        /** More than one face (another person near the camera). */
        SEVERAL_FACES,
        /** The face is too small: too far from the camera. */
        FACE_TOO_SMALL,
        /** The face is blurred (moving, out of focus, a dirty lens). */
        TOO_BLURRY,
        /** The frames are the same picture: a photo or a frozen image instead of a person. */
        NOT_LIVE,
        /** A face, but not the enrolled person's. */
        NOT_SAME_PERSON
    }

    /**
     * One photo as measured: its width, the widths of the faces found (largest first), the sharpness of the largest.
     * Faces narrower than two fifths of the largest are ignored (someone far behind, a face on a poster, a false
     * detection): a second person beside the learner shows a face of about the same size.
     */
    public record Measure(int width, List<Integer> faceWidths, double sharpness) {

        int faces() {
            if (faceWidths.isEmpty()) {
                return 0;
            }
            int largest = faceWidths.get(0);
            return (int) faceWidths.stream().filter(w -> w * 5 >= largest * 2).count();
        }
    }

    /** A check's verdict: its outcome, the best (smallest) distance to the reference, the least motion between frames. */
    public record Verdict(Outcome outcome, Double distance, Double motion) {

        public boolean passed() {
            return outcome == Outcome.PASSED;
        }
    }

    /** Whether a photo can serve as reference, or may be compared, by its own measure. */
    public Outcome usable(Measure m) {
        int faces = m.faces();
        if (faces == 0) {
            return Outcome.NO_FACE;
        }
        if (faces > 1) {
            return Outcome.SEVERAL_FACES;
        }
        if (m.faceWidths().get(0) < minFaceShare * m.width()) {
            return Outcome.FACE_TOO_SMALL;
        }
        if (m.sharpness() < minSharpness) {
            return Outcome.TOO_BLURRY;
        }
        return Outcome.PASSED;
    }

    /**
     * @param frames    each frame's measure, in the order taken
     * @param distances each frame's distance to the reference (null for a frame without a usable face)
     * @param motions   the motion between each frame and the next (one fewer than the frames; null when either has no face)
     */
    public Verdict check(List<Measure> frames, List<Double> distances, List<Double> motions) {
        if (frames.size() < minFrames || distances.size() != frames.size() || motions.size() != frames.size() - 1) {
            throw new IllegalArgumentException(
                    "a check needs at least " + minFrames + " frames, one distance each, one motion between each two");
        }
        Double best =
                distances.stream().filter(d -> d != null).min(Double::compare).orElse(null);
        Double least =
                motions.stream().filter(d -> d != null).min(Double::compare).orElse(null);
        for (Measure m : frames) {
            Outcome o = usable(m);
            if (o != Outcome.PASSED) {
                return new Verdict(o, best, least);
            }
        }
        if (least == null || least < minMotion) {
            return new Verdict(Outcome.NOT_LIVE, best, least);
        }
        if (best == null || best > matchThreshold) {
            return new Verdict(Outcome.NOT_SAME_PERSON, best, least);
        }
        return new Verdict(Outcome.PASSED, best, least);
    }
}
