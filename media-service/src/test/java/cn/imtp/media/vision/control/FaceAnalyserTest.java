package cn.imtp.media.vision.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.vision.control.FaceFixtures.Change;
import cn.imtp.media.vision.control.FaceRules.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OpenCV on the face fixtures, judged by the rules at the shipped thresholds (microprofile-config.properties). */
class FaceAnalyserTest {

    static final FaceRules RULES = new FaceRules(70, 0.2, 12, 1.0, 2);
    static FaceAnalyser analyser;

    @BeforeAll
    static void start() {
        analyser = new FaceAnalyser();
    }

    @AfterAll
    static void stop() {
        analyser.close();
    }

    private static FaceRules.Verdict check(byte[] reference, byte[]... frames) {
        try (FaceAnalyser.Seen ref = analyser.see(reference, RULES.minFaceShare())) {
            List<FaceAnalyser.Seen> seen = new ArrayList<>();
            for (byte[] f : frames) {
                seen.add(analyser.see(f, RULES.minFaceShare()));
            }
            List<Double> distances = seen.stream()
                    .map(s -> s.crop() == null ? null : analyser.distance(ref.crop(), s.crop()))
                    .toList();
            List<Double> motions = new ArrayList<>();
            for (int i = 0; i + 1 < seen.size(); i++) {
                motions.add(
                        seen.get(i).crop() == null || seen.get(i + 1).crop() == null
                                ? null
                                : analyser.motion(
                                        seen.get(i).crop(), seen.get(i + 1).crop()));
            }
            FaceRules.Verdict v = RULES.check(seen.stream().map(Faces::measure).toList(), distances, motions);
            seen.forEach(FaceAnalyser.Seen::close);
            return v;
        }
    }

    @Test
    void everyFixturePersonIsUsableAsAReference() {
        for (int p = 1; p <= FaceFixtures.PEOPLE; p++) {
            try (FaceAnalyser.Seen s = analyser.see(FaceFixtures.person(p), RULES.minFaceShare())) {
                assertEquals(
                        Outcome.PASSED,
                        RULES.usable(Faces.measure(s)),
                        "person " + p + ": " + s.faces() + " sharpness " + s.sharpness());
            }
        }
    }

    @Test
    void thePersonALittleLaterPassesEveryOtherPersonFails() {
        int accepted = 0;
        for (int p = 1; p <= FaceFixtures.PEOPLE; p++) {
            byte[] ref = FaceFixtures.person(p);
            for (Change c : List.of(Change.LIGHTER, Change.DARKER, Change.SOFTER, Change.RECOMPRESSED)) {
                FaceRules.Verdict v = check(ref, FaceFixtures.derive(ref, Change.MOVED), FaceFixtures.derive(ref, c));
                assertEquals(Outcome.PASSED, v.outcome(), "person " + p + " moved then " + c + ": " + v);
                accepted++;
            }
        }
        assertEquals(16 * 4, accepted);
        // Every other person, as seen moved: each face is found once, then compared with every reference.
        List<FaceAnalyser.Seen> refs = new ArrayList<>();
        List<FaceAnalyser.Seen> moved = new ArrayList<>();
        for (int p = 1; p <= FaceFixtures.PEOPLE; p++) {
            refs.add(analyser.see(FaceFixtures.person(p), RULES.minFaceShare()));
            moved.add(analyser.see(FaceFixtures.derive(FaceFixtures.person(p), Change.MOVED), RULES.minFaceShare()));
        }
        int rejected = 0;
        for (int p = 0; p < refs.size(); p++) {
            for (int q = 0; q < moved.size(); q++) {
                if (q != p) {
                    FaceAnalyser.Seen other = moved.get(q);
                    FaceRules.Verdict v = RULES.check(
                            List.of(Faces.measure(refs.get(q)), Faces.measure(other)),
                            List.of(
                                    analyser.distance(
                                            refs.get(p).crop(), refs.get(q).crop()),
                                    analyser.distance(refs.get(p).crop(), other.crop())),
                            List.of(analyser.motion(refs.get(q).crop(), other.crop())));
                    assertEquals(
                            Outcome.NOT_SAME_PERSON,
                            v.outcome(),
                            "person " + (q + 1) + " as person " + (p + 1) + ": " + v);
                    rejected++;
                }
            }
        }
        refs.forEach(FaceAnalyser.Seen::close);
        moved.forEach(FaceAnalyser.Seen::close);
        assertEquals(16 * 15, rejected);
    }

    @Test
    void aStillPictureSentTwiceIsNotLive() {
        byte[] ref = FaceFixtures.person(3);
        FaceRules.Verdict v = check(ref, ref, ref);
        assertEquals(Outcome.NOT_LIVE, v.outcome(), v.toString());
        assertEquals(0.0, v.motion(), 0.01);
    }

    @Test
    void noFaceSeveralFacesASmallFaceAndABlurredFaceAreSaidSo() {
        byte[] ref = FaceFixtures.person(5);
        byte[] group = FaceFixtures.file("group3.jpg");
        assertEquals(
                Outcome.SEVERAL_FACES,
                check(ref, group, FaceFixtures.derive(group, Change.MOVED)).outcome());
        assertEquals(
                Outcome.FACE_TOO_SMALL,
                check(ref, FaceFixtures.derive(ref, Change.FAR_AWAY), FaceFixtures.derive(ref, Change.MOVED))
                        .outcome());
        assertEquals(
                Outcome.TOO_BLURRY,
                check(ref, FaceFixtures.derive(ref, Change.BLURRED), FaceFixtures.derive(ref, Change.MOVED))
                        .outcome());
        byte[] wall = FaceFixtures.derive(FaceFixtures.derive(ref, Change.FAR_AWAY), Change.BLURRED);
        FaceRules.Verdict none = check(ref, wall, wall);
        assertEquals(Outcome.NO_FACE, none.outcome(), none.toString());
        assertNull(none.distance());
    }

    @Test
    void aSecondFaceSmallerThanAPassingOneIsStillFound() {
        // The second face is narrower than the smallest passing face (so the first, coarse search does not see it) but
        // wider than two fifths of the first: the check must still say there are two people.
        byte[] two = FaceFixtures.twoPeople(3, 7);
        try (FaceAnalyser.Seen fast = analyser.see(two, RULES.minFaceShare());
                FaceAnalyser.Seen full = analyser.see(two)) {
            assertTrue(Faces.measure(full).faces() >= 2, "every size searched: " + full.faces());
            assertEquals(Faces.measure(full).faces(), Faces.measure(fast).faces(), "fast " + fast.faces());
            assertTrue(
                    fast.faces().get(1).width() < RULES.minFaceShare() * fast.width(),
                    fast.faces().toString());
        }
        assertEquals(
                Outcome.SEVERAL_FACES,
                check(FaceFixtures.person(3), two, FaceFixtures.derive(two, Change.MOVED))
                        .outcome());
    }

    @Test
    void aSecondPersonIsFoundWhateverTheSizeAroundTheSmallestPassingFace() {
        // Second faces from just above two fifths of the first (the smallest that counts) to above a fifth of the width
        // (the first search's smallest), where the two searches meet: at each size, for four pairs of people, the quick
        // search says what searching every size says — and that is "two people" in nearly every case (the cascade
        // itself misses a few small faces).
        int[][] pairs = {{3, 7}, {12, 5}, {13, 2}, {1, 16}};
        int cases = 0;
        int several = 0;
        for (int width = 165; width <= 240; width += 15) {
            for (int[] pair : pairs) {
                byte[] two = FaceFixtures.twoPeople(pair[0], pair[1], width);
                try (FaceAnalyser.Seen fast = analyser.see(two, RULES.minFaceShare());
                        FaceAnalyser.Seen full = analyser.see(two)) {
                    String what = "people " + pair[0] + " and " + pair[1] + " at " + width + " px: full " + full.faces()
                            + ", fast " + fast.faces();
                    Outcome expected = RULES.usable(Faces.measure(full));
                    assertEquals(expected, RULES.usable(Faces.measure(fast)), what);
                    cases++;
                    several += expected == Outcome.SEVERAL_FACES ? 1 : 0;
                }
            }
        }
        assertTrue(several >= cases * 3 / 4, several + " of " + cases + " composed frames show two people");
    }

    @Test
    void theQuickSearchSeesWhatTheFullSearchSeesOfEveryFaceThatCounts() {
        List<byte[]> photos = new ArrayList<>();
        for (int p = 1; p <= FaceFixtures.PEOPLE; p++) {
            for (Change c : Change.values()) {
                photos.add(FaceFixtures.derive(FaceFixtures.person(p), c));
            }
        }
        photos.add(FaceFixtures.file("group3.jpg"));
        photos.add(FaceFixtures.twoPeople(3, 7));
        photos.add(FaceFixtures.twoPeople(12, 5));
        for (byte[] photo : photos) {
            try (FaceAnalyser.Seen fast = analyser.see(photo, RULES.minFaceShare());
                    FaceAnalyser.Seen full = analyser.see(photo)) {
                FaceRules.Measure f = Faces.measure(fast);
                FaceRules.Measure all = Faces.measure(full);
                assertEquals(all.faces(), f.faces(), "faces: full " + full.faces() + ", fast " + fast.faces());
                assertEquals(RULES.usable(all), RULES.usable(f));
                if (full.largest() != null) {
                    assertEquals(full.largest(), fast.largest());
                    assertEquals(full.sharpness(), fast.sharpness(), 1e-9);
                }
            }
        }
    }

    @Test
    void aStripOrATinyPictureIsRefusedBeforeAnalysisAndSeenEmptyIfItGetsThere() {
        byte[] strip = FaceFixtures.grey(1000, 1);
        assertArrayEquals(new int[] {1000, 1}, FaceAnalyser.declaredSize(strip));
        assertFalse(FaceAnalyser.supportedSize(1000, 1));
        assertFalse(FaceAnalyser.supportedSize(480, 2000), "a tall strip");
        assertFalse(FaceAnalyser.supportedSize(5000, 4000), "larger than a 4K frame");
        assertTrue(FaceAnalyser.supportedSize(640, 480));
        assertTrue(FaceAnalyser.supportedSize(480, 640), "a phone held upright");
        try (FaceAnalyser.Seen s = analyser.see(strip, RULES.minFaceShare())) {
            assertTrue(s.faces().isEmpty());
        }
        try (FaceAnalyser.Seen s = analyser.see(FaceFixtures.grey(10, 10), RULES.minFaceShare())) {
            assertTrue(s.faces().isEmpty());
        }
        assertArrayEquals(new int[] {640, 480}, FaceAnalyser.declaredSize(FaceFixtures.person(1)));
        assertNull(FaceAnalyser.declaredSize("not a picture".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesThatAreNoImageAreNotSeen() {
        assertNull(analyser.see("not a picture at all".getBytes(StandardCharsets.UTF_8)));
        byte[] cut = java.util.Arrays.copyOf(FaceFixtures.person(1), 200);
        FaceAnalyser.Seen s = analyser.see(cut);
        assertTrue(s == null || s.faces().isEmpty());
    }
}
