package dev.banger.kernel.core.server;

/** Counts calls being answered, so a clean stop can wait for them to finish. */
final class InFlight {
    private int count;

    synchronized void enter() {
        count++;
    }

    synchronized void leave() {
        count--;
        notifyAll();
    }

    /** True if everything finished before the deadline. */
    synchronized boolean awaitZero(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (count > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
