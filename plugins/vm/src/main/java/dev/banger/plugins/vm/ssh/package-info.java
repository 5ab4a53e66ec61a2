/**
 * SSH into guests with the host's OpenSSH client binaries ({@code ssh}, {@code ssh-keygen},
 * {@code ssh-keyscan}), always as argv lists, never through a shell.
 *
 * <p>Pieces: {@link dev.banger.plugins.vm.ssh.SshIdentity} (the install's one client key),
 * {@link dev.banger.plugins.vm.ssh.KnownHosts} (banger's own known_hosts, pinned per VM),
 * {@link dev.banger.plugins.vm.ssh.SshArgv} (the exact ssh command lines),
 * {@link dev.banger.plugins.vm.ssh.SshExec} (run a command, stream its output, return its exit code),
 * {@link dev.banger.plugins.vm.ssh.SshReadiness} (wait for sshd's banner).
 */
package dev.banger.plugins.vm.ssh;
