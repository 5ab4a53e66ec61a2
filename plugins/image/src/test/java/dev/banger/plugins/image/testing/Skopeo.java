package dev.banger.plugins.image.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Pushes an OCI layout tag to a test registry with skopeo (plain http on 127.0.0.1). */
public final class Skopeo {
    public enum Format { OCI, DOCKER_V2 }

    private Skopeo() {
    }

    /**
     * {@code skopeo copy oci:DIR:TAG docker://127.0.0.1:PORT/NAME:TAG}; {@code all} for an index,
     * {@code DOCKER_V2} converts to Docker v2 schema 2 manifests (gzip layers required).
     */
    public static void push(OciLayoutWriter layout, String tag, LocalRegistry registry, String name, Format format, boolean all)
            throws IOException {
        List<String> argv = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false"));
        if (format == Format.DOCKER_V2) {
            argv.addAll(List.of("--format", "v2s2"));
        }
        if (all) {
            argv.add("--all");
        }
        if (registry.credsOrNull() != null) {
            argv.addAll(List.of("--dest-creds", registry.credsOrNull()));
        }
        argv.add("oci:" + layout.dir() + ":" + tag);
        argv.add("docker://" + registry.hostPort() + "/" + name + ":" + tag);
        Commands.run(argv);
    }
}
