package cn.imtp.media.vision.control;

import cn.imtp.media.vision.control.FaceFixtures.Change;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The presence-check benchmark ({@code ops/bench/presence}): the work of one check on the server — three camera frames,
 * as the player sends them, decoded, their faces found and measured, each compared with the enrolled face, and the motion
 * between them — timed on one thread and on two at once, against decoding the same frames alone (the baseline, in the
 * same run); {@code per_core} is checks per CPU second of one thread, which the machine's other work does not lower;
 * then the
 * false-accept and false-reject rates on the fixture set at the shipped threshold. Storage, decryption and HTTP are not in
 * it (a few milliseconds: one small object read). Last line: {@code RESULT median_ms=… p95_ms=… checks_per_s=…
 * per_core=… vs_decode=… far=… frr=… people=… genuine=… impostor=…}. Targets: p95 < 300 ms, ≥ 20 checks/s per core.
 */
public final class FaceBench {

    static final FaceRules RULES = new FaceRules(70, 0.2, 12, 1.0, 2);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private FaceBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        List<byte[][]> checks = new ArrayList<>();
        List<FaceAnalyser.Seen> references = new ArrayList<>();
        try (FaceAnalyser a = new FaceAnalyser()) {
            for (int p = 1; p <= FaceFixtures.PEOPLE; p++) {
                byte[] photo = FaceFixtures.person(p);
                references.add(a.see(photo, RULES.minFaceShare()));
                // As the player sends a check: three frames about a second apart.
                checks.add(new byte[][] {
                    FaceFixtures.derive(photo, Change.MOVED),
                    FaceFixtures.derive(photo, Change.LIGHTER),
                    FaceFixtures.derive(photo, Change.SOFTER)
                });
            }
            System.out.println("warming up…");
            run(checks, references, 1, 5, false);
            double[] decode = run(checks, references, 1, seconds, true);
            double[] one = run(checks, references, 1, seconds, false);
            double[] two = run(checks, references, 2, seconds, false);
            System.out.printf("decode only, 1 thread:  %.1f /s, median %.1f ms%n", decode[0], decode[1]);
            System.out.printf(
                    "check, 1 thread:        %.1f /s, median %.1f ms, p95 %.1f ms, %.1f per CPU second%n",
                    one[0], one[1], one[2], one[3]);
            System.out.printf("check, 2 threads:       %.1f /s, median %.1f ms, p95 %.1f ms%n", two[0], two[1], two[2]);
            int[] errors = errorRates(a);
            double far = (double) errors[0] / errors[2];
            double frr = (double) errors[1] / errors[3];
            System.out.printf(
                    "false accepts %d of %d impostor pairs, false rejects %d of %d genuine pairs (threshold %.0f)%n",
                    errors[0], errors[2], errors[1], errors[3], RULES.matchThreshold());
            System.out.printf(
                    "RESULT median_ms=%.1f p95_ms=%.1f checks_per_s=%.1f per_core=%.1f vs_decode=%.2f far=%.4f frr=%.4f people=%d genuine=%d impostor=%d%n",
                    two[1],
                    two[2],
                    two[0],
                    one[3],
                    one[1] / decode[1],
                    far,
                    frr,
                    FaceFixtures.PEOPLE,
                    errors[3],
                    errors[2]);
        }
        references.forEach(FaceAnalyser.Seen::close);
    }

    /**
     * Checks (or decodes only) for {@code seconds} on {@code threads} threads: {rate per s, median ms, p95 ms, rate per
     * CPU second}. The last is what one core does when nothing else runs on it: the machine's other work does not
     * lower it, as it lowers the wall-clock figures.
     */
    static double[] run(
            List<byte[][]> checks, List<FaceAnalyser.Seen> refs, int threads, int seconds, boolean decodeOnly)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong cpu = new AtomicLong();
        List<List<Double>> times = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Double> mine = new ArrayList<>();
            times.add(mine);
            Thread worker = new Thread(() -> {
                try (FaceAnalyser a = new FaceAnalyser()) {
                    while (!stop.get()) {
                        int p = ThreadLocalRandom.current().nextInt(checks.size());
                        byte[][] frames = checks.get(p);
                        long t0 = System.nanoTime();
                        long c0 = CPU.getCurrentThreadCpuTime();
                        if (decodeOnly) {
                            for (byte[] f : frames) {
                                FaceAnalyser.decode(f).close();
                            }
                        } else {
                            List<FaceAnalyser.Seen> seen = new ArrayList<>();
                            for (byte[] f : frames) {
                                seen.add(a.see(f, RULES.minFaceShare()));
                            }
                            List<Double> motions = new ArrayList<>();
                            for (int i = 0; i + 1 < seen.size(); i++) {
                                motions.add(a.motion(
                                        seen.get(i).crop(), seen.get(i + 1).crop()));
                            }
                            RULES.check(
                                    seen.stream().map(Faces::measure).toList(),
                                    a.distances(
                                            refs.get(p).crop(),
                                            seen.stream()
                                                    .map(FaceAnalyser.Seen::crop)
                                                    .toList()),
                                    motions);
                            seen.forEach(FaceAnalyser.Seen::close);
                        }
                        mine.add((System.nanoTime() - t0) / 1e6);
                        cpu.addAndGet(CPU.getCurrentThreadCpuTime() - c0);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double[] all = times.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        return new double[] {
            all.length / (double) seconds,
            all[all.length / 2],
            all[(int) (all.length * 0.95)],
            all.length / (cpu.get() / 1e9)
        };
    }

    /** {false accepts, false rejects, impostor pairs, genuine pairs} over the fixture set. */
    static int[] errorRates(FaceAnalyser a) {
        int fa = 0;
        int fr = 0;
        int impostors = 0;
        int genuine = 0;
        List<FaceAnalyser.Seen> refs = new ArrayList<>();
        List<FaceAnalyser.Seen[]> probes = new ArrayList<>();
        for (int p = 1; p <= FaceFixtures.PEOPLE; p++) {
            byte[] photo = FaceFixtures.person(p);
            refs.add(a.see(photo, RULES.minFaceShare()));
            probes.add(Arrays.stream(new Change[] {
                        Change.MOVED, Change.LIGHTER, Change.DARKER, Change.SOFTER, Change.RECOMPRESSED
                    })
                    .map(c -> a.see(FaceFixtures.derive(photo, c), RULES.minFaceShare()))
                    .toArray(FaceAnalyser.Seen[]::new));
        }
        for (int p = 0; p < refs.size(); p++) {
            for (int q = 0; q < refs.size(); q++) {
                FaceAnalyser.Seen[] seen = probes.get(q);
                for (int i = 0; i + 1 < seen.length; i++) {
                    FaceRules.Verdict v = RULES.check(
                            List.of(Faces.measure(seen[i]), Faces.measure(seen[i + 1])),
                            List.of(
                                    a.distance(refs.get(p).crop(), seen[i].crop()),
                                    a.distance(refs.get(p).crop(), seen[i + 1].crop())),
                            List.of(a.motion(seen[i].crop(), seen[i + 1].crop())));
                    if (p == q) {
                        genuine++;
                        fr += v.passed() ? 0 : 1;
                    } else {
                        impostors++;
                        fa += v.passed() ? 1 : 0;
                    }
                }
            }
        }
        refs.forEach(FaceAnalyser.Seen::close);
        probes.forEach(s -> Arrays.stream(s).forEach(FaceAnalyser.Seen::close));
        return new int[] {fa, fr, impostors, genuine};
    }
}
