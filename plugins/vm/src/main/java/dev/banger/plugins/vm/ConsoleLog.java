package dev.banger.plugins.vm;

import dev.banger.kernel.api.CallContext;
import dev.banger.plugins.vm.api.LogChunk;
import dev.banger.plugins.vm.api.LogsResult;
import dev.banger.plugins.vm.api.VmLogsParams;
import dev.banger.plugins.vm.store.VmRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** vm.logs: the serial console log, optionally its last lines, optionally followed until the client leaves. */
final class ConsoleLog {
    private ConsoleLog() {
    }

    static LogsResult stream(CallContext ctx, VmRecord r, VmLogsParams p) throws IOException, InterruptedException {
        Path log = Path.of(r.runtime().runDir(), "console.log");
        if (!Files.exists(log)) {
            return new LogsResult(r.name(), log.toString(), 0);
        }
        long sent = 0;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long pos = p.tailLines() == null ? 0 : tailOffset(log, p.tailLines());
            boolean follow = Boolean.TRUE.equals(p.follow());
            while (true) {
                while (f.length() > pos) {
                    f.seek(pos);
                    byte[] chunk = new byte[(int) Math.min(f.length() - pos, 64 * 1024)];
                    f.readFully(chunk);
                    pos += chunk.length;
                    sent += chunk.length;
                    ctx.emit(new LogChunk(new String(chunk, StandardCharsets.UTF_8)));
                }
                if (!follow || ctx.cancelled()) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        return new LogsResult(r.name(), log.toString(), sent);
    }

    private static long tailOffset(Path log, int lines) throws IOException {
        Deque<Long> starts = new ArrayDeque<>();
        long offset = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            starts.addLast(offset);
            if (starts.size() > lines) {
                starts.removeFirst();
            }
            offset += line.length() + 1;
        }
        return starts.isEmpty() ? 0 : starts.getFirst();
    }
}
