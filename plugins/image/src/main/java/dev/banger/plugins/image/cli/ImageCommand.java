package dev.banger.plugins.image.cli;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.cli.Sizes;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.image.api.DeleteResult;
import dev.banger.plugins.image.api.ImageImportParams;
import dev.banger.plugins.image.api.ImageListResult;
import dev.banger.plugins.image.api.ImagePullParams;
import dev.banger.plugins.image.api.ImageSummary;
import dev.banger.plugins.image.api.NameParams;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "image", description = "Root filesystem images: pull from a registry or the catalog, import, list, delete.",
        footer = {"", "Examples:",
                "  banger image pull debian-bookworm          # the default image, built locally from Debian packages",
                "  banger image pull alpine:3.20 --name alpine",
                "  banger image pull 127.0.0.1:5000/team/app:1.2 --creds user:secret",
                "  banger image import ./rootfs-dir --name mine",
                "  banger image list --json",
                "  banger image cache prune --dry-run"})
final class ImageCommand {
    private final CliEnvironment env;

    ImageCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "pull", description = "Pull REF (a catalog entry or an OCI reference) into a bootable ext4 image.")
    int pull(@Parameters(paramLabel = "REF") String ref,
             @Option(names = "--name", description = "Image name (default: derived from REF, e.g. debian-bookworm).") String name,
             @Option(names = "--size", description = "Image size, e.g. 4G (default: content x 1.5, at least 1 GiB).") String size,
             @Option(names = "--creds", description = "user:password for the registry (or BANGER_REGISTRY_USER/_PASSWORD, ~/.docker/config.json).") String creds,
             @Option(names = "--insecure", description = "Allow plain http to a registry that is not on loopback.") boolean insecure,
             @Option(names = "--platform", description = "os/arch[/variant] (default linux/amd64).") String platform,
             @Option(names = "--force", description = "Replace an existing image of that name.") boolean force,
             @Option(names = {"-d", "--detach"}, description = "Print the operation id and return at once.") boolean detach,
             @Option(names = "--json", description = "Print the image as JSON.") boolean json) {
        long start = System.nanoTime();
        Long bytes = size == null ? null : Sizes.parse(size, "--size");
        // the daemon may have been started with another environment: the CLI's own registry login wins
        String user = System.getenv("BANGER_REGISTRY_USER");
        if (creds == null && user != null && System.getenv("BANGER_REGISTRY_PASSWORD") != null) {
            creds = user + ":" + System.getenv("BANGER_REGISTRY_PASSWORD");
        }
        var params = new ImagePullParams(ref, name, bytes, creds, insecure ? Boolean.TRUE : null, platform, force ? Boolean.TRUE : null);
        var done = new OperationFollower(env).run("image.pull", params, detach);
        return detach ? 0 : report(done.path("subject").asText(), ref, json, start);
    }

    @Command(name = "import", description = "Import a root filesystem directory, a tar (.tar/.tar.gz/.tar.zst) or an OCI layout.")
    int importImage(@Parameters(paramLabel = "PATH") Path path,
                    @Option(names = "--name", required = true, description = "Image name.") String name,
                    @Option(names = "--size", description = "Image size, e.g. 4G.") String size,
                    @Option(names = "--force", description = "Replace an existing image of that name.") boolean force,
                    @Option(names = "--json", description = "Print the image as JSON.") boolean json) {
        long start = System.nanoTime();
        Long bytes = size == null ? null : Sizes.parse(size, "--size");
        new OperationFollower(env).run("image.import", new ImageImportParams(name, path.toAbsolutePath().toString(), bytes, force ? Boolean.TRUE : null), false);
        return report(name, path.toString(), json, start);
    }

    /** {@code name} is the operation's subject: the image it made, whether the user named it or not. */
    private int report(String name, String ref, boolean json, long start) {
        ImageSummary image = env.call("image.show", new NameParams(name), ImageSummary.class);
        if (json) {
            env.printJson(image);
        } else {
            env.out().printf("image %s from %s: %s (%s of content) in %s%n", image.name(), ref, Sizes.human(image.sizeBytes()),
                    Sizes.human(image.contentBytes()), OperationFollower.seconds(System.nanoTime() - start));
        }
        return 0;
    }

    @Command(name = "list", description = "List local images.")
    int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
        ImageListResult r = env.call("image.list", new NoParams(), ImageListResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("NAME", "SOURCE", "SIZE", "SYSTEMD", "SSHD", "CREATED");
        r.images().forEach(i -> t.row(i.name(), i.source(), Sizes.human(i.sizeBytes()), yes(i.guest().systemd()), yes(i.guest().sshd()), i.createdAt()));
        t.print(env.out());
        return 0;
    }

    @Command(name = "show", description = "Show one image.")
    int show(@Parameters(paramLabel = "NAME") String name, @Option(names = "--json", description = "Print JSON.") boolean json) {
        ImageSummary i = env.call("image.show", new NameParams(name), ImageSummary.class);
        if (json) {
            env.printJson(i);
            return 0;
        }
        env.out().printf("name:     %s%nsource:   %s%ndigest:   %s%nrootfs:   %s%nsize:     %s (content %s)%nguest:    %s %s, systemd %s, sshd %s, init %s%ncreated:  %s%n",
                i.name(), i.source(), i.digest() == null ? "-" : i.digest(), i.rootfs(), Sizes.human(i.sizeBytes()), Sizes.human(i.contentBytes()),
                i.guest().osId(), i.guest().osVersion(), yes(i.guest().systemd()), yes(i.guest().sshd()), i.guest().init(), i.createdAt());
        return 0;
    }

    @Command(name = "delete", description = "Delete an image (refused while a VM uses it).")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        DeleteResult r = env.call("image.delete", new NameParams(name), DeleteResult.class);
        env.out().println("deleted image " + r.name());
        return 0;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
