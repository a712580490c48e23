package dev.hindsight.parallel;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WorkersTest {

    @Test
    void resultsComeInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();

        List<String> results = Workers.map("test", items, i -> "#" + i);

        assertThat(results).containsExactlyElementsOf(items.stream().map(i -> "#" + i).toList());
    }

    @Test
    void anEmptyListGivesAnEmptyResult() {
        assertThat(Workers.map("test", List.<Integer>of(), i -> i)).isEmpty();
    }

    @Test
    void theOtherCoresTakeTheRestWhileOneItemIsSlow() throws InterruptedException {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs a second core");
        int count = 1_000;
        CountDownLatch othersDone = new CountDownLatch(count - 1);
        AtomicInteger waitedFor = new AtomicInteger(-1);

        // Item 0 waits until every other item is done. Split into runs of consecutive items (as a parallel stream
        // does), the run holding item 0 would hold others too and the wait would time out.
        Workers.forEach("test", count, i -> {
            if (i == 0) {
                try {
                    waitedFor.set(othersDone.await(20, TimeUnit.SECONDS) ? 1 : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                othersDone.countDown();
            }
        });

        assertThat(waitedFor.get()).as("the other items were done while item 0 waited").isEqualTo(1);
    }

    @Test
    void everyCoreWorks() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs a second core");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);

        Workers.forEach("test", 2, i -> {
            threads.add(Thread.currentThread().getName());
            bothStarted.countDown();
            try {
                bothStarted.await(20, TimeUnit.SECONDS); // each item waits for the other: only two threads finish
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(threads).hasSize(2).anyMatch(name -> name.startsWith("test-"));
    }

    @Test
    void theFirstFailureIsRethrownAsItWasAndTheRestAreNotStarted() {
        AtomicInteger started = new AtomicInteger();

        assertThatThrownBy(() -> Workers.forEach("test", 100_000, i -> {
            started.incrementAndGet();
            if (i == 10) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
        })).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
        assertThat(started.get()).isLessThan(100_000);
    }

    @Test
    void anErrorIsRethrownAsItWas() {
        assertThatThrownBy(() -> Workers.map("test", List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new OutOfMemoryError("test");
            }
            return i;
        })).isInstanceOf(OutOfMemoryError.class).hasMessage("test");
    }

    @Test
    void theCallersInterruptIsKept() {
        Thread.currentThread().interrupt();
        try {
            assertThat(Workers.map("test", List.of(1, 2), i -> i + 1)).containsExactly(2, 3);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
