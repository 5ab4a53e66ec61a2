package dev.banger.plugins.vm.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ssh command lines banger runs. Every trust decision is explicit on the command line: only banger's
 * key, only banger's known_hosts, strict checking, ed25519 host keys only (the only kind banger records),
 * and ssh never writes the file itself ({@code UpdateHostKeys=no}).
 */
public final class SshArgv {
    private final Path identityFile;
    private final Path knownHostsFile;

    public SshArgv(SshIdentity identity, KnownHosts knownHosts) {
        this(identity.privateKey(), knownHosts.file());
    }

    public SshArgv(Path identityFile, Path knownHostsFile) {
        this.identityFile = identityFile;
        this.knownHostsFile = knownHostsFile;
    }

    /**
     * For the daemon: no prompts, no tty, no user ssh config ({@code -F none}), and ssh's own messages go to
     * {@code sshLog} so the command's stderr carries only the remote command's output.
     */
    public List<String> batch(SshTarget target, List<String> command, Path sshLog) {
        List<String> argv = common(true);
        argv.addAll(List.of("-o", "BatchMode=yes", "-T", "-E", sshLog.toString()));
        return withDestination(argv, target, command);
    }

    /**
     * For the CLI's {@code vm ssh}: a tty, and the user's own ssh config still applies (except for the
     * options set here, which win). An empty command opens a login shell.
     */
    public List<String> interactive(SshTarget target, List<String> command) {
        List<String> argv = common(false);
        argv.add("-t");
        return withDestination(argv, target, command);
    }

    private List<String> common(boolean ignoreUserConfig) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        if (ignoreUserConfig) {
            argv.addAll(List.of("-F", "none"));
        }
        argv.addAll(List.of(
                "-i", identityFile.toString(),
                "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + knownHostsFile,
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UpdateHostKeys=no",
                "-o", "HostKeyAlgorithms=ssh-ed25519",
                // ConnectTimeout covers the banner exchange too: a TCG guest on a loaded 2-core host took longer than 5 s to send it
                "-o", "ConnectTimeout=20",
                // notice a VM that died under an open session within ~45 s instead of hanging forever
                "-o", "ServerAliveInterval=15",
                "-o", "ServerAliveCountMax=3",
                "-o", "LogLevel=ERROR"));
        return argv;
    }

    private static List<String> withDestination(List<String> argv, SshTarget target, List<String> command) {
        argv.addAll(List.of("-p", Integer.toString(target.port()), target.user() + "@" + target.host()));
        if (!command.isEmpty()) {
            argv.add("--");
            argv.add(ShellQuote.join(command));
        }
        return argv;
    }
}
