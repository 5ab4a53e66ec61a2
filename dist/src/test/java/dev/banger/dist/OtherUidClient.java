package dev.banger.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request line to a unix socket from a process really running as another uid
 * (setpriv + the system python3), and returns the first line it got back, or
 * {@code connect failed: <reason>}. Optionally keeps CAP_DAC_OVERRIDE, so the client gets past the
 * socket's file mode and meets the daemon's own peer check. Needs root; skips the test otherwise.
 */
final class OtherUidClient {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CLIENT = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX)",
            "try:",
            "    s.connect(sys.argv[1])",
            "except OSError as e:",
            "    print('connect failed: ' + e.strerror); sys.exit(3)",
            "s.sendall((sys.argv[2] + '\\n').encode())",
            "print(s.makefile().readline().strip())");

    private OtherUidClient() {
    }

    static void assumeUsable() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "switching to another uid needs root; this test runs as "
                + System.getProperty("user.name"));
        assumeTrue(Files.isExecutable(SETPRIV), SETPRIV + " is missing (util-linux)");
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is needed as the other-uid client");
    }

    static String send(long uid, boolean dacOverride, Path socket, String requestLine) throws Exception {
        List<String> argv = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        if (dacOverride) {
            argv.addAll(List.of("--inh-caps=+dac_override", "--ambient-caps=+dac_override"));
        }
        argv.addAll(List.of(PYTHON.toString(), "-c", CLIENT, socket.toString(), requestLine));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the other-uid client did not finish within 30 s");
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
