package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SpareCoresTest {

    @Test
    void everyPartRunsOnceWhetherHelpersAreThereOrNot() {
        for (int helpers : new int[] {0, 1, 3}) {
            try (SpareCores cores = new SpareCores(Executors.defaultThreadFactory(), helpers)) {
                for (int parts : new int[] {1, 2, 15, 100}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                    cores.run(parts, runs::incrementAndGet);
                    for (int i = 0; i < parts; i++) {
                        assertEquals(1, runs.get(i), "part " + i + " of " + parts + " with " + helpers + " helpers");
                    }
                }
            }
        }
    }

    @Test
    void aRequestDoesTheWorkItselfWhenTheHelperIsBusy() throws Exception {
        try (SpareCores cores = new SpareCores(Executors.defaultThreadFactory(), 1)) {
            // Another request's two parts each wait until released: its own thread holds one, the helper the other.
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            Thread other = new Thread(() -> cores.run(2, i -> {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            other.start();
            assertTrue(holding.await(10, TimeUnit.SECONDS), "the helper took a part of the other request");
            Set<String> threads = ConcurrentHashMap.newKeySet();
            cores.run(20, i -> threads.add(Thread.currentThread().getName()));
            assertEquals(Set.of(Thread.currentThread().getName()), threads, "no waiting for the busy helper");
            release.countDown();
            other.join(10_000);
        }
    }

    @Test
    void aFailingPartIsThrownToTheRequestAfterTheOthersEnded() {
        try (SpareCores cores = new SpareCores(Executors.defaultThreadFactory(), 2)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(10);
            IllegalArgumentException thrown = new IllegalArgumentException("part 3");
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> cores.run(10, i -> {
                        runs.incrementAndGet(i);
                        if (i == 3) {
                            throw thrown;
                        }
                    }));
            assertSame(thrown, e);
            for (int i = 0; i < 10; i++) {
                assertEquals(1, runs.get(i), "part " + i);
            }
        }
    }

    @Test
    void anInterruptedRequestStillGetsItsPartsAndKeepsItsFlag() {
        try (SpareCores cores = new SpareCores(Executors.defaultThreadFactory(), 1)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            Thread.currentThread().interrupt();
            try {
                cores.run(8, runs::incrementAndGet);
                assertTrue(Thread.currentThread().isInterrupted(), "the flag is kept for the caller");
            } finally {
                Thread.interrupted();
            }
            for (int i = 0; i < 8; i++) {
                assertEquals(1, runs.get(i), "part " + i);
            }
        }
    }
}
