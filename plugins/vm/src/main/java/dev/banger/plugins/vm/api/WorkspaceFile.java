package dev.banger.plugins.vm.api;

/**
 * One file the guest gets on top of the repository's history. {@code status}: {@code modified}, {@code added},
 * {@code deleted}, {@code type_changed} (tracked, differs from HEAD), {@code untracked}; in mode full_copy every
 * tracked file is {@code tracked}.
 */
public record WorkspaceFile(String path, String status) {
}
