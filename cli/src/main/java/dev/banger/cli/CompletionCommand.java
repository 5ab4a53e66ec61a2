package dev.banger.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = "Print a shell completion script for banger, plugin commands included (bash; zsh through bashcompinit).",
        footer = {"", "Examples:", "  source <(banger completion bash)                 # this shell only",
                "  banger completion bash > ~/.local/share/bash-completion/completions/banger",
                "  banger completion zsh > \"${fpath[1]}/_banger\"     # or: source <(banger completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new IllegalArgumentException("SHELL: '" + shell + "' is not supported; use bash or zsh");
        }
        // generated from the finished tree, so every plugin's commands are in it; picocli's script sets up
        // bashcompinit by itself when zsh sources it
        String script = AutoComplete.bash("banger", spec.root().commandLine());
        spec.commandLine().getOut().print(shell.equals("zsh") ? "#compdef banger\n" + script : script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
