package dev.banger.plugins.vm.workspace;

import dev.banger.plugins.vm.lifecycle.GuestAccess;
import dev.banger.plugins.vm.store.VmRecord;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Runs one of {@link GuestScripts} in a running VM over ssh, stdin from a host file, stdout kept as bytes. */
final class GuestShell {
    record Outcome(int exitCode, byte[] stdout, String stderr) {
    }

    private static final Duration LIMIT = Duration.ofMinutes(30);
    private final GuestAccess guest;
    private final VmRecord vm;
    private final BooleanSupplier cancelled;

    GuestShell(GuestAccess guest, VmRecord vm, BooleanSupplier cancelled) {
        this.guest = guest;
        this.vm = vm;
        this.cancelled = cancelled;
    }

    String vmName() {
        return vm.name();
    }

    Outcome run(String script, List<String> args, Path stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder err = new StringBuilder();
        int code = guest.pipe(vm.name(), "127.0.0.1", vm.runtime().sshPort(), GuestScripts.argv(script, args), stdin, out, err,
                cancelled, LIMIT);
        return new Outcome(code, out.toByteArray(), err.toString());
    }
}
