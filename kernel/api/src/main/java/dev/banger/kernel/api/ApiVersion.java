package dev.banger.kernel.api;

/** The kernel API version that plugins name in their {@code Plugin-Requires} manifest entry. */
public final class ApiVersion {
    public static final String CURRENT = "1.0.0";

    private ApiVersion() {
    }
}
