package dev.banger.kernel.api;

/** Params type for methods that take none: any field in the request is rejected as unknown. */
public record NoParams() {
}
