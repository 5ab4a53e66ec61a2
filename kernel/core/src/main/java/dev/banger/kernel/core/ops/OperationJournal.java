package dev.banger.kernel.core.ops;

import dev.banger.kernel.api.OperationSummary;
import java.time.Instant;
import java.util.List;

/**
 * Where the registry keeps a copy of every operation outside the daemon's memory, so a daemon that
 * was killed can still answer for the operations it was running: at the next start they are
 * reported failed instead of unknown. Writes are best effort (a full disk must not stop the work).
 */
public interface OperationJournal {
    /** Inserts or replaces the operation's record. */
    void save(OperationSummary op) throws Exception;

    /** Every record kept; the ones not done were interrupted by the end of the daemon that ran them. */
    List<OperationSummary> load() throws Exception;

    /** Removes done operations last updated before {@code cutoff}. */
    void prune(Instant cutoff) throws Exception;

    /** No journal: operations live in memory only (unit tests, embedded use). */
    OperationJournal NONE = new OperationJournal() {
        @Override
        public void save(OperationSummary op) {
        }

        @Override
        public List<OperationSummary> load() {
            return List.of();
        }

        @Override
        public void prune(Instant cutoff) {
        }
    };
}
