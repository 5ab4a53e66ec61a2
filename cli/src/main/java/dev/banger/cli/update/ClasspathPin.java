package dev.banger.cli.update;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * `banger update` usually runs from the very tree it replaces. The JVM's classpath names jar files
 * (bin/banger expands lib/*), and the class loader opens each jar only when a lookup first reaches
 * it: after the swap, a jar opened late would be looked up in the *new* tree, where a new version
 * has other file names, and the update would die mid-way with NoClassDefFoundError. Enumerating a
 * resource every jar has makes the loader open them all now; open jars stay readable across the
 * rename (and the old files still exist, under .previous). Today slf4j's and jackson's service
 * lookups happen to open every jar before the swap anyway (an update run without this pin, with
 * renamed jars, passed); the pin makes that a guarantee instead of a side effect.
 */
final class ClasspathPin {
    private ClasspathPin() {
    }

    static int pinAll() throws IOException {
        int jars = 0;
        Enumeration<URL> all = ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF");
        while (all.hasMoreElements()) {
            all.nextElement();
            jars++;
        }
        return jars;
    }
}
