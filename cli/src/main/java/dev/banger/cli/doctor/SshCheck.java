package dev.banger.cli.doctor;

import java.nio.file.Path;
import java.util.Optional;

/** `vm exec` and `vm ssh` run the OpenSSH client; every VM gets a key made with ssh-keygen. */
final class SshCheck implements Check {
    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<Path> ssh = ToolProbe.find("ssh");
        Optional<Path> keygen = ToolProbe.find("ssh-keygen");
        if (ssh.isEmpty() || keygen.isEmpty()) {
            return CheckResult.fail(name(), (ssh.isEmpty() ? "ssh" : "ssh-keygen") + " not found",
                    "apt-get install openssh-client", "vm exec, vm ssh and VM creation need both ssh and ssh-keygen");
        }
        return CheckResult.pass(name(), ToolProbe.versionLine(ssh.get(), "-V"), ssh.get().toString(), keygen.get().toString());
    }
}
