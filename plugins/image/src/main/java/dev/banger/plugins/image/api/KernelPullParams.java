package dev.banger.plugins.image.api;

/** kernel.pull: {@code name} is a kernel catalog entry (today: {@code debian-cloud}); the kernel is stored under it. */
public record KernelPullParams(String name, Boolean force) {
    public static final String DEFAULT = "debian-cloud";

    public String effectiveName() {
        return name == null || name.isBlank() ? DEFAULT : name;
    }
}
