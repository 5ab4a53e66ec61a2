package dev.banger.kernel.core.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a call's frames go: a connection, or nowhere for in-process calls. */
@FunctionalInterface
public interface FrameSink {
    FrameSink DISCARD = frame -> { };

    void write(ObjectNode frame);
}
