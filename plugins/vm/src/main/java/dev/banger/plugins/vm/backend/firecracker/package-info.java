/**
 * The Firecracker backend: {@link dev.banger.plugins.vm.backend.firecracker.FirecrackerLauncher} finds the
 * binary and starts it on an API socket, {@link dev.banger.plugins.vm.backend.firecracker.FirecrackerMachine}
 * configures and boots the VM through Firecracker's REST API over that socket, and
 * {@link dev.banger.plugins.vm.disk.RawDiskCloner} (used by vm create when a backend takes raw disks only) gives each VM its raw disk copy.
 *
 * <p>Firecracker cannot be installed on banger's build machines, so the tests run this code against a
 * fake API server that enforces Firecracker's published Swagger spec ({@code shared/specs/firecracker-api.yaml}
 * beside the repository) instead of against a real process.
 */
package dev.banger.plugins.vm.backend.firecracker;
