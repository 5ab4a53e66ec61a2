package dev.banger.plugins.vm.api;

/** vm.logs: the serial console; {@code follow} keeps streaming until the client leaves. */
public record VmLogsParams(String name, Boolean follow, Integer tailLines) {
    public VmLogsParams {
        new VmNameParams(name);
    }
}
