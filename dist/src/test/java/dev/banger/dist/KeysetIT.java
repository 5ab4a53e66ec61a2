package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.core.plugins.Contribution;
import dev.banger.kernel.core.plugins.PluginHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/rpc.md's method table equals what the shipped plugin jars contribute: no more, no less. */
class KeysetIT {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)`\\s*\\|");

    @Test
    void theDocumentedMethodTableMatchesThePluginJars() throws Exception {
        Set<String> contributed = new TreeSet<>();
        try (PluginHost host = PluginHost.start(DaemonFixture.tree().resolve("plugins"), List.of())) {
            for (Contribution<RpcFamily> c : host.extensions(RpcFamily.class)) {
                RpcFamily f = c.extension();
                assertThat(f.getClass().isAnnotationPresent(org.pf4j.Extension.class)).as(f.getClass() + " is an @Extension").isTrue();
                assertThat(f.getClass().getPackageName()).as("package of " + f.getClass()).startsWith("dev.banger.plugins." + c.pluginId());
                for (Method<?, ?> m : f.methods()) {
                    assertThat(m.name()).startsWith(f.family() + ".");
                    contributed.add(m.name());
                }
            }
        }
        assertThat(contributed).as("the plugins contribute methods").isNotEmpty();
        assertThat(documented()).isEqualTo(contributed);
    }

    private static Set<String> documented() throws Exception {
        Path rpc = Path.of(System.getProperty("banger.docs", "../docs")).resolve("rpc.md");
        Set<String> names = new TreeSet<>();
        boolean inMethods = false;
        for (String line : Files.readAllLines(rpc)) {
            if (line.startsWith("## ")) {
                inMethods = line.trim().equals("## Methods");
            }
            Matcher m = ROW.matcher(line);
            if (inMethods && m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
