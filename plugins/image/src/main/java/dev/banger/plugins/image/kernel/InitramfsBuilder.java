package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds banger's initramfs: a gzip'd newc cpio holding a static busybox, the virtio modules the
 * kernel lacks (with their dependencies, in load order) and {@code /init}.
 *
 * <h2>Boot contract of {@code /init}</h2>
 * <ol>
 *   <li>Mounts proc, sysfs and devtmpfs, then insmods the modules listed in {@code /etc/banger/modules}
 *       (virtio_mmio, virtio_blk, virtio_net, virtio_console and what they depend on).</li>
 *   <li>{@code banger.initramfs_only=1} on the kernel command line: prints {@code BANGER-INITRAMFS-OK}
 *       and powers off (a self-test of kernel + initramfs without any disk).</li>
 *   <li>Otherwise waits up to {@code banger.rootwait=<s>} (default 30) for {@code root=} (default
 *       {@code /dev/vda}; {@code UUID=} and {@code LABEL=} work through findfs), mounts it as
 *       {@code rootfstype=} (default ext4), read-write unless {@code ro} is given, moves /dev, /proc and
 *       /sys into it (unmounts those the root has no directory for) and runs
 *       {@code switch_root /newroot ${init:-/sbin/init}}, honouring {@code init=}.</li>
 *   <li>Any failure prints one line {@code BANGER-INITRAMFS-ERROR: <reason>} on the console and powers
 *       off ({@code poweroff -f}; should that return, init exits and {@code panic=-1} ends the VM):
 *       it never waits forever.</li>
 * </ol>
 * {@code ip=} is not interpreted (the cloud kernel ignores it too): the guest's own init configures
 * the network. The console is whatever {@code console=} names; use {@code console=ttyS0}.
 */
public final class InitramfsBuilder {
    /** What a microvm guest needs that Debian's cloud kernel has only as modules (ext4 is built in). */
    public static final List<String> VIRTIO_MODULES = List.of("virtio_mmio", "virtio_blk", "virtio_net", "virtio_console");
    /** busybox applets /init uses, plus a few for looking around when something goes wrong. */
    static final List<String> APPLETS = List.of("sh", "mount", "umount", "insmod", "mkdir", "cat", "sleep",
            "switch_root", "poweroff", "findfs", "ls", "dmesg", "echo");
    static final String MODULE_LIST = "etc/banger/modules";

    private final Path busybox;
    private final Path modulesTree;
    private final String kernelRelease;

    /**
     * @param busybox       a statically linked busybox (the initramfs has no libc)
     * @param modulesTree   the kernel's {@code lib/modules/<release>} directory
     * @param kernelRelease e.g. "6.1.0-50-cloud-amd64"; modules go to /lib/modules/&lt;release&gt;/
     */
    public InitramfsBuilder(Path busybox, Path modulesTree, String kernelRelease) {
        this.busybox = busybox;
        this.modulesTree = modulesTree;
        this.kernelRelease = kernelRelease;
    }

    /**
     * Writes the initramfs to {@code output}; compressed modules are uncompressed into {@code scratch}.
     *
     * @return the module paths inside the initramfs, in the order /init loads them
     * @throws IllegalArgumentException when busybox is not static or a module is neither shipped nor built in
     */
    public List<String> build(List<String> modules, Path scratch, Path output) throws IOException {
        StaticExecutable.require(busybox);
        KernelModules tree = KernelModules.open(modulesTree, scratch);
        List<String> order = tree.loadOrder(modules);
        String moduleDir = "lib/modules/" + kernelRelease + "/";
        List<String> installed = order.stream().map(p -> "/" + moduleDir + ModuleFiles.plainName(p)).toList();
        try (OutputStream file = Files.newOutputStream(output);
             NewcCpioWriter cpio = new NewcCpioWriter(new GZIPOutputStream(file, 64 * 1024))) {
            for (String dir : List.of("dev", "proc", "sys", "newroot", "etc/banger")) {
                cpio.directory(dir);
            }
            cpio.characterDevice("dev/console", 0600, 5, 1); // the kernel opens it for /init before devtmpfs exists
            cpio.file("bin/busybox", 0755, busybox);
            for (String applet : APPLETS) {
                cpio.symlink("bin/" + applet, "busybox");
            }
            for (String path : order) {
                cpio.file(moduleDir + ModuleFiles.plainName(path), 0644, tree.files().plain(path));
            }
            cpio.file(MODULE_LIST, 0644, (String.join("\n", installed) + "\n").getBytes(StandardCharsets.UTF_8));
            cpio.file("init", 0755, initScript());
        }
        return installed;
    }

    static byte[] initScript() {
        try (InputStream in = InitramfsBuilder.class.getResourceAsStream("init.sh")) {
            if (in == null) {
                throw new IllegalStateException("init.sh is missing from the plugin jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
