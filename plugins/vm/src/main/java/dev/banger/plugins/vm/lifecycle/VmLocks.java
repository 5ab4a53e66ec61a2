package dev.banger.plugins.vm.lifecycle;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per VM name: work on one VM is serialised, different VMs proceed in parallel. */
public final class VmLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ReentrantLock of(String name) {
        return locks.computeIfAbsent(name, n -> new ReentrantLock());
    }

    public interface Work<T> {
        T run() throws Exception;
    }

    public <T> T with(String name, Work<T> work) throws Exception {
        ReentrantLock lock = of(name);
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
