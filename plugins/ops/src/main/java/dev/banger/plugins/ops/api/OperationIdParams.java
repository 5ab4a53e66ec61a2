package dev.banger.plugins.ops.api;

import dev.banger.kernel.api.Params;

public record OperationIdParams(String id) {
    public OperationIdParams {
        Params.required(id, "params.id");
    }
}
