package dev.banger.plugins.vm.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/** A thread that forwards one process stream chunk by chunk as bytes arrive, until end of stream. */
final class StreamPump {
    private final Thread thread;

    private StreamPump(Thread thread) {
        this.thread = thread;
    }

    static StreamPump start(String name, InputStream in, OutputChunk.Source source, Consumer<OutputChunk> sink) {
        Thread t = new Thread(() -> pump(in, source, sink), name);
        t.setDaemon(true);
        t.start();
        return new StreamPump(t);
    }

    /** Waits until everything the stream carried was delivered. */
    void join() throws InterruptedException {
        thread.join();
    }

    private static void pump(InputStream in, OutputChunk.Source source, Consumer<OutputChunk> sink) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    sink.accept(new OutputChunk(source, Arrays.copyOf(buf, n)));
                }
            }
        } catch (IOException closedUnderUs) {
            // the process was killed (cancel/timeout): its pipes close and there is nothing more to forward
        }
    }
}
