/**
 * The QEMU backend ({@code qemu-system-x86_64 -M microvm}). {@link dev.banger.plugins.vm.backend.qemu.QemuBackend}
 * ties the parts together: {@link dev.banger.plugins.vm.backend.qemu.QemuHost} probes the host
 * ({@link dev.banger.plugins.vm.backend.qemu.Accelerator} picks KVM or TCG),
 * {@link dev.banger.plugins.vm.backend.qemu.QemuArgs} builds the argv,
 * {@link dev.banger.plugins.vm.backend.qemu.QemuLauncher} starts QEMU in its own session,
 * {@link dev.banger.plugins.vm.backend.qemu.QmpClient} controls it, and
 * {@link dev.banger.plugins.vm.backend.qemu.QemuProcessCheck} makes sure a stored pid is still ours.
 *
 * <p>The host↔guest channel is a virtio-serial port named {@code org.banger.guest.0} on
 * {@code <runDir>/guest.sock}: these hosts have no vhost-vsock, and the guest announces
 * {@code BANGER_READY} on that port (and on ttyS0).
 */
package dev.banger.plugins.vm.backend.qemu;
