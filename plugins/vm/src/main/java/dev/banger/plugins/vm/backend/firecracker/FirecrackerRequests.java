package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The request bodies banger sends, with Firecracker's field names spelled out (not derived by a naming
 * strategy) so a rename on our side can never silently change the wire. Nulls are left out.
 */
final class FirecrackerRequests {
    private FirecrackerRequests() {
    }

    record MachineConfig(@JsonProperty("vcpu_count") int vcpuCount,
                         @JsonProperty("mem_size_mib") int memSizeMib) {
    }

    record BootSource(@JsonProperty("kernel_image_path") String kernelImagePath,
                      @JsonProperty("initrd_path") String initrdPath,
                      @JsonProperty("boot_args") String bootArgs) {
    }

    record Drive(@JsonProperty("drive_id") String driveId,
                 @JsonProperty("path_on_host") String pathOnHost,
                 @JsonProperty("is_root_device") boolean isRootDevice,
                 @JsonProperty("is_read_only") boolean isReadOnly) {
    }

    record NetworkInterface(@JsonProperty("iface_id") String ifaceId,
                            @JsonProperty("host_dev_name") String hostDevName,
                            @JsonProperty("guest_mac") String guestMac) {
    }

    record Vsock(@JsonProperty("guest_cid") int guestCid,
                 @JsonProperty("uds_path") String udsPath) {
    }

    record Action(@JsonProperty("action_type") String actionType) {
        static final Action INSTANCE_START = new Action("InstanceStart");
        static final Action SEND_CTRL_ALT_DEL = new Action("SendCtrlAltDel");
    }
}
