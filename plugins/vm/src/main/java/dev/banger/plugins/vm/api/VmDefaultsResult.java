package dev.banger.plugins.vm.api;

/** vm.defaults: what vm.create uses for every value the request leaves out (config.toml's [vm], then the host). */
public record VmDefaultsResult(String image, String kernel, int vcpu, int memoryMib, long diskSizeBytes, String network, int readyTimeoutS) {
}
