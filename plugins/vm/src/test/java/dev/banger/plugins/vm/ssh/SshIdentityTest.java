package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshIdentityTest {
    @TempDir
    Path dir;

    @Test
    void concurrentCallersGetOneKeyGeneratedOnce() throws Exception {
        Path sshDir = dir.resolve("state/ssh");
        int callers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return SshIdentity.ensure(sshDir).publicKeyLine();
                }));
            }
            go.countDown();
            List<String> keys = new ArrayList<>();
            for (Future<String> f : results) {
                keys.add(f.get());
            }
            assertThat(keys).hasSize(callers).containsOnly(keys.get(0));
        } finally {
            pool.shutdownNow();
        }
        String line = SshIdentity.ensure(sshDir).publicKeyLine();
        assertThat(line).matches("ssh-ed25519 [A-Za-z0-9+/]+=* banger");
        assertThat(Files.readString(sshDir.resolve("id_ed25519.pub")).strip()).isEqualTo(line);
        assertThat(Files.list(sshDir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("id_ed25519", "id_ed25519.pub", "id_ed25519.lock");
        assertThat(Files.getPosixFilePermissions(sshDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(sshDir.resolve("id_ed25519")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anExistingKeyIsKeptNotRegenerated() throws Exception {
        SshIdentity first = SshIdentity.ensure(dir);
        byte[] before = Files.readAllBytes(first.privateKey());
        SshIdentity again = SshIdentity.ensure(dir);
        assertThat(Files.readAllBytes(again.privateKey())).isEqualTo(before);
        assertThat(again.publicKeyLine()).isEqualTo(first.publicKeyLine());
    }
}
