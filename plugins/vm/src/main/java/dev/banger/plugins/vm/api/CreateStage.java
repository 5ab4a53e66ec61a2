package dev.banger.plugins.vm.api;

/** The streamed event of a synchronous vm.create: the stage it reached. */
public record CreateStage(String stage) {
}
