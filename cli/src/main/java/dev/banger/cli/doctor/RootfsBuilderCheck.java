package dev.banger.cli.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The default image (Debian) is built with mmdebstrap or debootstrap; OCI pulls need neither. */
final class RootfsBuilderCheck implements Check {
    @Override
    public String name() {
        return "debootstrap";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        List<String> found = new ArrayList<>();
        for (String tool : List.of("mmdebstrap", "debootstrap")) {
            Optional<Path> p = ToolProbe.find(tool);
            p.ifPresent(path -> found.add(tool + " " + ToolProbe.versionLine(path, "--version").replaceFirst("^" + tool + " ", "")));
        }
        if (found.isEmpty()) {
            return CheckResult.warn(name(), "neither mmdebstrap nor debootstrap",
                    "apt-get install mmdebstrap debootstrap", "the default image (debian-bookworm) cannot be built; OCI images still pull");
        }
        return CheckResult.pass(name(), String.join(", ", found));
    }
}
