package dev.banger.kernel.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationSummary;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationRegistryTest {
    private final OperationRegistry registry = new OperationRegistry(Clock.systemUTC(), Duration.ofHours(1), () -> false);

    @AfterEach
    void close() throws InterruptedException {
        registry.close();
    }

    /** Only opId() is used by begin() for contexts that are not the kernel's own CallScope. */
    private static CallContext ctx(String opId) {
        return (CallContext) Proxy.newProxyInstance(CallContext.class.getClassLoader(), new Class<?>[] {CallContext.class},
                (p, m, a) -> m.getName().equals("opId") ? opId : null);
    }

    @Test
    void theOperationIdIsTheRequestOpIdAndItCompletes() throws Exception {
        OperationSummary s = registry.begin(ctx("op-00000000000000a1"), "test.kind", progress -> progress.stage("working"));
        assertThat(s.id()).isEqualTo("op-00000000000000a1");
        assertThat(s.kind()).isEqualTo("test.kind");
        OperationSummary done = registry.await(s.id(), Duration.ofSeconds(10)).orElseThrow();
        assertThat(done.done()).isTrue();
        assertThat(done.error()).isNull();
        assertThat(done.stage()).isEqualTo("done");
    }

    @Test
    void aSecondOperationWithTheSameIdIsAConflict() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        registry.begin(ctx("op-00000000000000a2"), "k", p -> hold.await(5, TimeUnit.SECONDS));
        try {
            registry.begin(ctx("op-00000000000000a2"), "k", p -> { });
            throw new AssertionError("expected a conflict");
        } catch (dev.banger.kernel.api.wire.RpcException e) {
            assertThat(e.code().wire()).isEqualTo("conflict");
        } finally {
            hold.countDown();
        }
    }

    @Test
    void listIsASnapshotThatCallersCannotChange() {
        registry.begin(ctx("op-00000000000000b1"), "k", p -> { });
        List<OperationSummary> first = registry.list(false);
        first.clear();
        assertThat(registry.list(false)).hasSize(1);
    }

    @Test
    void cancelReachesTheTaskAndTheOperationEndsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        registry.begin(ctx("op-00000000000000c1"), "k", p -> {
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.sleep(5);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(registry.list(true)).extracting(OperationSummary::id).contains("op-00000000000000c1");
        registry.cancel("op-00000000000000c1");
        OperationSummary s = registry.await("op-00000000000000c1", Duration.ofSeconds(10)).orElseThrow();
        assertThat(s.done()).isTrue();
        assertThat(s.error().code().wire()).isEqualTo("cancelled");
        assertThat(registry.list(true)).isEmpty();
    }

    @Test
    void aFailingTaskRecordsItsError() throws Exception {
        registry.begin(ctx("op-00000000000000d1"), "k", p -> {
            throw new IllegalStateException("disk full");
        });
        OperationSummary s = registry.await("op-00000000000000d1", Duration.ofSeconds(10)).orElseThrow();
        assertThat(s.error().code().wire()).isEqualTo("operation_failed");
        assertThat(s.error().message()).contains("disk full");
    }

    @Test
    void pruneRemovesOnlyDoneOperationsOlderThanTheRetention() throws Exception {
        MutableClock clock = new MutableClock();
        try (OperationRegistry r = new OperationRegistry(clock, Duration.ofHours(1), () -> false)) {
            CountDownLatch hold = new CountDownLatch(1);
            r.begin(ctx("op-00000000000000e1"), "k", p -> { });
            r.begin(ctx("op-00000000000000e2"), "k", p -> hold.await(10, TimeUnit.SECONDS));
            r.await("op-00000000000000e1", Duration.ofSeconds(10));
            clock.now = clock.now.plus(Duration.ofHours(2));
            assertThat(r.prune(Duration.ofHours(1))).isEqualTo(1);
            assertThat(r.get("op-00000000000000e1")).isEmpty();
            assertThat(r.get("op-00000000000000e2")).isPresent();
            hold.countDown();
        }
    }

    @Test
    void unknownIdsAreEmptyNotErrors() throws Exception {
        assertThat(registry.get("op-ffffffffffffffff")).isEmpty();
        assertThat(registry.cancel("op-ffffffffffffffff")).isEmpty();
        assertThat(registry.await("op-ffffffffffffffff", Duration.ofMillis(1))).isEmpty();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
