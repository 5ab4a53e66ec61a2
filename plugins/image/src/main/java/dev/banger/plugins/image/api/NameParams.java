package dev.banger.plugins.image.api;

import dev.banger.kernel.api.Params;

/** The params of every show/delete method of the image and kernel families. */
public record NameParams(String name) {
    public NameParams {
        Params.required(name, "params.name");
    }
}
