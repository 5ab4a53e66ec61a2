package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code .modinfo} section of an (uncompressed, x86-64) kernel module: NUL-separated
 * {@code key=value} strings, among them {@code depends=a,b}. This is what depmod reads to write
 * modules.dep, so the two agree.
 */
final class ElfModinfo {
    private ElfModinfo() {
    }

    static List<String> dependsOn(Path module) throws IOException {
        for (String entry : entries(module)) {
            if (entry.startsWith("depends=")) {
                String value = entry.substring("depends=".length()).strip();
                return value.isEmpty() ? List.of() : List.of(value.split(","));
            }
        }
        return List.of();
    }

    static List<String> entries(Path module) throws IOException {
        try (FileChannel file = FileChannel.open(module)) {
            ByteBuffer header = FileRegion.elf64Header(file, module);
            long sectionTable = header.getLong(0x28);
            int entrySize = Short.toUnsignedInt(header.getShort(0x3A));
            int count = Short.toUnsignedInt(header.getShort(0x3C));
            int namesIndex = Short.toUnsignedInt(header.getShort(0x3E));
            ByteBuffer sections = FileRegion.read(file, sectionTable, entrySize * count);
            ByteBuffer names = section(file, sections, entrySize, namesIndex);
            for (int i = 0; i < count; i++) {
                if (".modinfo".equals(cString(names, sections.getInt(i * entrySize)))) {
                    return split(section(file, sections, entrySize, i));
                }
            }
            return List.of();
        }
    }

    private static ByteBuffer section(FileChannel file, ByteBuffer sections, int entrySize, int index) throws IOException {
        long offset = sections.getLong(index * entrySize + 0x18);
        long size = sections.getLong(index * entrySize + 0x20);
        if (size > 16 * 1024 * 1024) {
            throw new IOException("ELF section of " + size + " bytes is implausible for a module");
        }
        return FileRegion.read(file, offset, (int) size);
    }

    private static List<String> split(ByteBuffer modinfo) {
        List<String> entries = new ArrayList<>();
        for (int start = 0; start < modinfo.limit(); ) {
            String entry = cString(modinfo, start);
            start += entry.length() + 1;
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static String cString(ByteBuffer buffer, int start) {
        int end = start;
        while (end < buffer.limit() && buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
