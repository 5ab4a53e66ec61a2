package dev.banger.plugins.vm.backend.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two facts about the host CPU the qemu backend needs from {@code /proc/cpuinfo}: its flags
 * (is there hardware virtualisation?) and its clock, which becomes {@code tsc_early_khz=} so a TCG
 * guest does not spend seconds calibrating a TSC that the emulator cannot time reliably.
 */
public record HostCpuInfo(Set<String> flags, OptionalLong mhzAsKhz) {
    public static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");

    /** An unreadable file reads as "no flags, no clock": the caller then picks TCG and omits the hint. */
    public static HostCpuInfo read(Path cpuinfo) {
        try {
            return parse(Files.readAllLines(cpuinfo));
        } catch (IOException e) {
            return new HostCpuInfo(Set.of(), OptionalLong.empty());
        }
    }

    /** Reads the first processor's block only: every core of one host reports the same flags. */
    static HostCpuInfo parse(List<String> lines) {
        Set<String> flags = Set.of();
        OptionalLong khz = OptionalLong.empty();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("flags") && flags.isEmpty()) {
                flags = Arrays.stream(value.split("\\s+")).filter(f -> !f.isEmpty()).collect(Collectors.toUnmodifiableSet());
            } else if (key.equals("cpu MHz") && khz.isEmpty()) {
                khz = parseMhzAsKhz(value);
            }
        }
        return new HostCpuInfo(flags, khz);
    }

    private static OptionalLong parseMhzAsKhz(String mhz) {
        try {
            long khz = Math.round(Double.parseDouble(mhz) * 1000);
            return khz > 0 ? OptionalLong.of(khz) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean hasHardwareVirtualisation() {
        return flags.contains("vmx") || flags.contains("svm");
    }
}
