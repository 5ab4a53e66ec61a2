package dev.banger.plugins.image.api;

public record DeleteResult(String name, boolean deleted) {
}
