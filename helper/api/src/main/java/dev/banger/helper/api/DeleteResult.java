package dev.banger.helper.api;

/** {@code deleted} is false when there was nothing to delete (deletes are idempotent). */
public record DeleteResult(String name, boolean deleted) {
}
