package dev.banger.helper.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.LineReader;
import dev.banger.kernel.api.wire.LineTooLongException;
import dev.banger.kernel.api.wire.Protocol;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.rpc.Frames;
import dev.banger.kernel.core.rpc.OpIds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * One client connection: its peer credentials are read once from the kernel, then its requests
 * are answered in turn. A refused peer gets its unauthorized answer and the connection is closed.
 */
final class PeerConnection implements Runnable {
    private final AFUNIXSocket socket;
    private final HelperDispatcher dispatcher;
    private final PeerPolicy peers;

    PeerConnection(AFUNIXSocket socket, HelperDispatcher dispatcher, PeerPolicy peers) {
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.peers = peers;
    }

    @Override
    public void run() {
        try (socket) {
            AFUNIXSocketCredentials creds = socket.getPeerCredentials();
            Peer peer = new Peer(creds.getPid(), creds.getUid(), creds.getGid());
            LineReader reader = new LineReader(socket.getInputStream(), Protocol.MAX_LINE_BYTES);
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                write(dispatcher.dispatch(line, peer));
                if (!peers.allows(peer)) {
                    return;
                }
            }
        } catch (LineTooLongException e) {
            writeQuietly(Frames.error(OpIds.mint(), RpcException.badRequest("request line exceeds "
                    + Protocol.MAX_LINE_BYTES + " bytes; the connection is closed").toError()));
        } catch (IOException e) {
            // the peer went away: nothing to answer
        }
    }

    private void write(ObjectNode frame) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((frame.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void writeQuietly(ObjectNode frame) {
        try {
            write(frame);
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
