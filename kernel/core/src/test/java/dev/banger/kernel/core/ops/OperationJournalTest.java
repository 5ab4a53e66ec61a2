package dev.banger.kernel.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationSummary;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry over a real journal file, "killed" by opening a second registry while the first still runs. */
class OperationJournalTest {
    @TempDir
    Path dir;

    private static CallContext ctx(String opId) {
        return (CallContext) Proxy.newProxyInstance(CallContext.class.getClassLoader(), new Class<?>[] {CallContext.class},
                (p, m, a) -> m.getName().equals("opId") ? opId : null);
    }

    @Test
    void anOperationTheLastDaemonDidNotFinishIsReportedFailedWithItsStage() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        Path file = dir.resolve("operations.db");
        try (SqliteOperationJournal first = SqliteOperationJournal.open(file)) {
            OperationRegistry killed = new OperationRegistry(Clock.systemUTC(), Duration.ofHours(1), () -> false, first);
            killed.begin(ctx("op-00000000000000f1"), "vm.create", "victim", p -> {
                p.stage("wait for guest");
                hold.await(30, TimeUnit.SECONDS);
            });
            OperationSummary finished = killed.begin(ctx("op-00000000000000f2"), "image.pull", "ok", p -> { });
            killed.await(finished.id(), Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!killed.get("op-00000000000000f1").orElseThrow().stage().equals("wait for guest") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try (SqliteOperationJournal second = SqliteOperationJournal.open(file)) {
                OperationRegistry restarted = new OperationRegistry(Clock.systemUTC(), Duration.ofHours(1), () -> false, second);
                OperationSummary lost = restarted.await("op-00000000000000f1", Duration.ofSeconds(1)).orElseThrow();
                assertThat(lost.done()).isTrue();
                assertThat(lost.subject()).isEqualTo("victim");
                assertThat(lost.error().code().wire()).isEqualTo("operation_failed");
                assertThat(lost.error().message()).startsWith("interrupted: bangerd stopped").contains("vm.create of victim", "'wait for guest'");
                assertThat(restarted.get("op-00000000000000f2").orElseThrow().error()).isNull();
                assertThat(restarted.list(true)).isEmpty();
                restarted.close();
            }
            hold.countDown();
            killed.close();
        }
        try (SqliteOperationJournal third = SqliteOperationJournal.open(file)) {
            // the failure was written back: a third daemon reports the same, not "interrupted" of its own making
            assertThat(third.load()).allMatch(OperationSummary::done);
        }
    }
}
