package dev.banger.plugins.image.api;

import dev.banger.kernel.api.Params;

/** kernel.import: paths on the daemon's host; the files are copied, never moved. */
public record KernelImportParams(String name, String kernel, String initrd, String modules, Boolean force) {
    public KernelImportParams {
        Params.required(name, "params.name");
        Params.required(kernel, "params.kernel");
    }
}
