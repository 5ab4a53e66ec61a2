package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Minimal stand-ins for a bzImage and a kernel module, exact where banger reads them. */
final class FakeKernelFiles {
    private FakeKernelFiles() {
    }

    /** A file with the boot header magic and a version string, as the x86 boot protocol lays them out. */
    static Path bzImage(Path file, String version) throws IOException {
        ByteBuffer image = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        image.put(0x202, "HdrS".getBytes(StandardCharsets.US_ASCII));
        image.putShort(0x20E, (short) 0x400); // the string sits at 0x200 + 0x400
        image.put(0x600, (version + " (test@banger) #1 SMP").getBytes(StandardCharsets.US_ASCII));
        Files.write(file, image.array());
        return file;
    }

    /** An ELF64 relocatable file with a .shstrtab and a .modinfo carrying {@code depends=}. */
    static Path module(Path file, String... depends) throws IOException {
        byte[] names = "\0.shstrtab\0.modinfo\0".getBytes(StandardCharsets.US_ASCII);
        byte[] modinfo = ("license=GPL\0depends=" + String.join(",", depends) + "\0name=test\0")
                .getBytes(StandardCharsets.US_ASCII);
        int namesAt = 64;
        int modinfoAt = namesAt + names.length;
        int sectionsAt = (modinfoAt + modinfo.length + 7) & ~7;
        ByteBuffer elf = ByteBuffer.allocate(sectionsAt + 3 * 64).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464C457F).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        elf.putShort(0x10, (short) 1).putShort(0x12, (short) 62); // ET_REL, x86-64
        elf.putLong(0x28, sectionsAt).putShort(0x3A, (short) 64).putShort(0x3C, (short) 3).putShort(0x3E, (short) 1);
        elf.put(namesAt, names).put(modinfoAt, modinfo);
        section(elf, sectionsAt + 64, 1, namesAt, names.length);
        section(elf, sectionsAt + 128, 11, modinfoAt, modinfo.length);
        Files.createDirectories(file.getParent());
        Files.write(file, elf.array());
        return file;
    }

    /** An ELF64 executable header with a PT_LOAD and, when dynamic, a PT_INTERP program header. */
    static Path executable(Path file, boolean dynamic) throws IOException {
        int count = dynamic ? 2 : 1;
        ByteBuffer elf = ByteBuffer.allocate(64 + count * 56).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464C457F).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        elf.putShort(0x10, (short) 2).putShort(0x12, (short) 62); // ET_EXEC, x86-64
        elf.putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) count);
        elf.putInt(64, 1); // PT_LOAD
        if (dynamic) {
            elf.putInt(64 + 56, 3); // PT_INTERP
        }
        Files.write(file, elf.array());
        return file;
    }

    private static void section(ByteBuffer elf, int at, int nameOffset, long offset, long size) {
        elf.putInt(at, nameOffset).putInt(at + 4, 1).putLong(at + 0x18, offset).putLong(at + 0x20, size);
    }
}
