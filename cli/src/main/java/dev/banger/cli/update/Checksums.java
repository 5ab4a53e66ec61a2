package dev.banger.cli.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SHA256SUMS (sha256sum's format: `HEX  PATH`) must cover the release exactly: every listed file
 * present with that digest, and no file, symlink or device that is not listed. The first problem
 * refuses the update, naming the file.
 */
final class Checksums {
    static final String FILE = "SHA256SUMS";

    private Checksums() {
    }

    static int verify(Path release) throws IOException, UpdateRefused {
        Path sums = release.resolve(FILE);
        if (!Files.isRegularFile(sums, LinkOption.NOFOLLOW_LINKS)) {
            throw new UpdateRefused("the release has no " + FILE + ": refusing an unverifiable tree");
        }
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(sums)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" [ *]", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}") || parts[1].startsWith("/") || parts[1].contains("..")) {
                throw new UpdateRefused(FILE + ": malformed line: " + line);
            }
            expected.put(parts[1].startsWith("./") ? parts[1].substring(2) : parts[1], parts[0]);
        }
        int checked = 0;
        try (Stream<Path> walk = Files.walk(release)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = release.relativize(p).toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || rel.equals(FILE)) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UpdateRefused(rel + ": not a regular file (links and devices are not allowed in a release)");
                }
                String want = expected.remove(rel);
                if (want == null) {
                    throw new UpdateRefused(rel + ": not listed in " + FILE);
                }
                if (!want.equals(sha256(p))) {
                    throw new UpdateRefused(rel + ": checksum mismatch (the release was modified after it was made)");
                }
                checked++;
            }
        }
        if (!expected.isEmpty()) {
            throw new UpdateRefused(expected.keySet().iterator().next() + ": listed in " + FILE + " but missing from the release");
        }
        return checked;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
