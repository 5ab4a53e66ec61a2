package dev.banger.plugins.image.rootfs;

import dev.banger.plugins.image.testing.RecordingProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Entry point for {@link NonRootBuildTest}'s child JVM: builds an image from layer tar files as whoever runs it. */
public final class NonRootBuildMain {
    private NonRootBuildMain() {
    }

    /** Args: OUT_IMAGE LAYER_TAR... Prints the process's uid line and the result. */
    public static void main(String[] args) throws Exception {
        List<LayerSupplier> layers = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            layers.add(TarFixture.layer(Path.of(args[i])));
        }
        String uidLine = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:")).findFirst().orElse("?");
        BuiltRootfs built = new RootfsBuilder().build(layers, Path.of(args[0]), OptionalLong.empty(), new RecordingProgress());
        System.out.println(uidLine.replaceAll("\\s+", " "));
        System.out.println("built " + built);
    }
}
