package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.SshConfigResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ssh-config", description = "Print banger's ssh config (Host *.vm with banger's key and known_hosts, one Host NAME.vm per VM),"
        + " or include it from ~/.ssh/config so plain `ssh NAME.vm` works.",
        footer = {"", "Examples:", "  banger ssh-config                    # print it", "  banger ssh-config --install && ssh dev.vm",
                "  banger ssh-config --uninstall        # remove exactly banger's marked block from ~/.ssh/config",
                "  ssh -F \"$(banger ssh-config --path)\" dev.vm uname -a"})
final class SshConfigCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--install", required = true, description = "Add an Include of banger's file at the top of ~/.ssh/config, in a marked block (idempotent).")
        boolean install;
        @Option(names = "--uninstall", required = true, description = "Remove banger's marked block from ~/.ssh/config (idempotent).")
        boolean uninstall;
        @Option(names = "--path", required = true, description = "Print only the path of banger's ssh config file.")
        boolean path;
        @Option(names = "--json", required = true, description = "Print JSON: the file, key, known_hosts and hosts.")
        boolean json;
    }

    SshConfigCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        // the daemon rewrites the file as VMs come and go; asking for it also refreshes it now
        SshConfigResult r = env.call("vm.ssh_config", new NoParams(), SshConfigResult.class);
        if (action == null) {
            env.out().print(r.text());
        } else if (action.json) {
            env.printJson(r);
        } else if (action.path) {
            env.out().println(r.file());
        } else {
            Path userConfig = userHome().resolve(".ssh/config");
            boolean changed = SshIncludeBlock.apply(userConfig, Path.of(r.file()), action.install);
            env.out().println(message(userConfig, changed));
        }
        return 0;
    }

    private String message(Path userConfig, boolean changed) {
        if (action.install) {
            return changed ? "added banger's Include block to " + userConfig : userConfig + " already includes banger's ssh config";
        }
        return changed ? "removed banger's block from " + userConfig : userConfig + " has no banger block already";
    }

    /**
     * $HOME first, so a test or a throwaway HOME never touches the real file (ssh itself reads the password
     * database's home directory, which is the same one unless HOME was changed).
     */
    private static Path userHome() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
