package dev.banger.plugins.image.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleLoadOrderTest {
    /** Shaped like Debian 6.1 cloud: virtio and virtio_ring are modules, virtio_net pulls in failover. */
    private static final String MODULES_DEP = """
            kernel/drivers/virtio/virtio_ring.ko:
            kernel/drivers/virtio/virtio.ko:
            kernel/drivers/virtio/virtio_mmio.ko: kernel/drivers/virtio/virtio_ring.ko kernel/drivers/virtio/virtio.ko
            kernel/drivers/block/virtio_blk.ko.xz: kernel/drivers/virtio/virtio_ring.ko kernel/drivers/virtio/virtio.ko
            kernel/net/core/failover.ko:
            kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko
            kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko kernel/net/core/failover.ko kernel/drivers/virtio/virtio_ring.ko kernel/drivers/virtio/virtio.ko
            kernel/drivers/char/virtio_console.ko: kernel/drivers/virtio/virtio_ring.ko kernel/drivers/virtio/virtio.ko
            kernel/drivers/char/hw_random/virtio-rng.ko: kernel/drivers/virtio/virtio.ko
            """;

    private final ModuleLoadOrder order = new ModuleLoadOrder(ModulesDep.parse(MODULES_DEP), Set.of());

    @Test
    void dependenciesComeFirstAndEachModuleOnce() {
        List<String> paths = order.resolve(InitramfsBuilder.VIRTIO_MODULES);

        assertThat(paths).doesNotHaveDuplicates().hasSize(8);
        assertThat(paths).containsExactly(
                "kernel/drivers/virtio/virtio_ring.ko", "kernel/drivers/virtio/virtio.ko",
                "kernel/drivers/virtio/virtio_mmio.ko", "kernel/drivers/block/virtio_blk.ko.xz",
                "kernel/net/core/failover.ko", "kernel/drivers/net/net_failover.ko",
                "kernel/drivers/net/virtio_net.ko", "kernel/drivers/char/virtio_console.ko");
    }

    @Test
    void dashesAndUnderscoresNameTheSameModule() {
        assertThat(order.resolve(List.of("virtio-rng"))).containsExactly(
                "kernel/drivers/virtio/virtio.ko", "kernel/drivers/char/hw_random/virtio-rng.ko");
    }

    @Test
    void builtInModulesAreNotLoaded() {
        ModuleLoadOrder withBuiltins = new ModuleLoadOrder(ModulesDep.parse(MODULES_DEP), Set.of("virtio", "virtio_ring"));
        assertThat(withBuiltins.resolve(List.of("virtio_blk"))).containsExactly("kernel/drivers/block/virtio_blk.ko.xz");
        assertThat(withBuiltins.resolve(List.of("virtio"))).isEmpty();
    }

    @Test
    void aMissingDependencyNamesWhoNeedsIt() {
        ModuleLoadOrder broken = new ModuleLoadOrder(ModulesDep.parse("kernel/a.ko: kernel/b.ko\n"), Set.of());
        assertThatThrownBy(() -> broken.resolve(List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'").hasMessageContaining("needed by a");
        assertThatThrownBy(() -> order.resolve(List.of("nope"))).hasMessageContaining("'nope' is neither built in nor shipped");
    }

    @Test
    void aCycleIsReportedInsteadOfRecursingForever() {
        ModuleLoadOrder cyclic = new ModuleLoadOrder(ModulesDep.parse("a.ko: b.ko\nb.ko: a.ko\n"), Set.of());
        assertThatThrownBy(() -> cyclic.resolve(List.of("a"))).hasMessageContaining("cycle: a -> b -> a");
    }
}
