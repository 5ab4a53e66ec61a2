package dev.banger.kernel.core.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.LineReader;
import dev.banger.kernel.api.wire.LineTooLongException;
import dev.banger.kernel.api.wire.Protocol;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.rpc.Dispatcher;
import dev.banger.kernel.core.rpc.Frames;
import dev.banger.kernel.core.rpc.OpIds;
import dev.banger.kernel.core.rpc.RequestEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * One client connection. A reader thread takes request lines as they come and notices the
 * client leaving (which cancels its in-flight call); one worker thread answers the requests in
 * order, so responses on a connection never overtake each other.
 */
final class Connection implements Runnable {
    private final Socket socket;
    private final Dispatcher dispatcher;
    private final BooleanSupplier stopping;
    private final InFlight inFlight;
    private final PeerUidPolicy peers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "bangerd-call"));
    private volatile boolean gone;

    Connection(Socket socket, Dispatcher dispatcher, BooleanSupplier stopping, InFlight inFlight, PeerUidPolicy peers) {
        this.socket = socket;
        this.peers = peers;
        this.dispatcher = dispatcher;
        this.stopping = stopping;
        this.inFlight = inFlight;
    }

    @Override
    public void run() {
        boolean refused = false;
        try {
            if (refusedPeer()) {
                return;
            }
            LineReader reader = new LineReader(socket.getInputStream(), Protocol.MAX_LINE_BYTES);
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String request = line;
                inFlight.enter();
                worker.execute(() -> {
                    try {
                        dispatcher.dispatch(request, this::write, () -> gone || stopping.getAsBoolean());
                    } finally {
                        inFlight.leave();
                    }
                });
            }
        } catch (LineTooLongException e) {
            String opId = OpIds.mint();
            RpcException tooLong = RpcException.badRequest("request line exceeds " + Protocol.MAX_LINE_BYTES + " bytes; the connection is closed");
            Dispatcher.logRejected(opId, tooLong);
            worker.execute(() -> write(Frames.error(opId, tooLong.toError())));
            refused = true;
        } catch (IOException e) {
            // the peer reset the connection: same as leaving
        } finally {
            gone = true;
            worker.shutdown();
            awaitWorker();
            if (refused) {
                drainAfterRefusal();
            }
            close();
        }
    }

    /**
     * A peer whose uid may not call gets one unauthorized frame (under the op id of its first
     * request, when that can be read within 2 s) and the connection is closed; nothing it sent is
     * dispatched. The refusal is logged with the peer's uid and pid.
     */
    private boolean refusedPeer() throws IOException {
        AFUNIXSocketCredentials creds = ((AFUNIXSocket) socket).getPeerCredentials();
        Optional<RpcException> refusal = peers.refusal(creds.getUid());
        if (refusal.isEmpty()) {
            return false;
        }
        String opId = firstRequestOpId();
        Dispatcher.logRefusedPeer(opId, refusal.get(), creds.getUid(), creds.getPid());
        write(Frames.error(opId, refusal.get().toError()));
        drainAfterRefusal();
        return true;
    }

    private String firstRequestOpId() {
        String minted = OpIds.mint();
        try {
            socket.setSoTimeout(2_000);
            String line = new LineReader(socket.getInputStream(), Protocol.MAX_LINE_BYTES).readLine();
            socket.setSoTimeout(0);
            return line == null ? minted : RequestEnvelope.parse(line).opId(minted);
        } catch (IOException | RpcException e) {
            return minted; // silent, too long, or not a request: answer under a fresh op id
        }
    }

    /**
     * Closing with the client's bytes still unread makes the kernel reset the connection, and the
     * client would never see our error frame. So: end our side, swallow what is left (bounded),
     * then close.
     */
    private void drainAfterRefusal() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(2_000);
            byte[] sink = new byte[64 * 1024];
            long budget = 64L * 1024 * 1024;
            int n;
            while (budget > 0 && (n = socket.getInputStream().read(sink)) > 0) {
                budget -= n;
            }
        } catch (IOException e) {
            // timeout or reset: we tried; close anyway
        }
    }

    private void awaitWorker() {
        try {
            worker.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ObjectNode frame) {
        byte[] bytes = (frame.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
    }

    void close() {
        gone = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the peer
        }
    }
}
