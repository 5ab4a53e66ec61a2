package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vm.exec's cwd, run through a local sh: an odd directory name stays one path, a missing one stops the command. */
class InDirectoryTest {
    @TempDir
    Path tmp;

    private static String[] run(List<String> argv) throws Exception {
        // the guest's sshd hands the quoted string to a shell: do the same here
        Process p = new ProcessBuilder("sh", "-c", ShellQuote.join(argv)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), out, err};
    }

    @Test
    void runsInTheDirectoryEvenWithQuotesAndSpaces() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("a dir; $(touch pwned) 'q'"));
        String[] r = run(InDirectory.wrap(dir.toString(), List.of("pwd")));
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].strip()).isEqualTo(dir.toString());
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }

    @Test
    void aMissingDirectoryFailsInsteadOfRunningElsewhere() throws Exception {
        String[] r = run(InDirectory.wrap(tmp.resolve("absent").toString(), List.of("touch", tmp.resolve("ran").toString())));
        assertThat(r[0]).isEqualTo("1");
        assertThat(tmp.resolve("ran")).doesNotExist();
    }

    @Test
    void noDirectoryLeavesTheCommandAlone() {
        assertThat(InDirectory.wrap(null, List.of("ls"))).containsExactly("ls");
    }
}
