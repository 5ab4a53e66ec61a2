package dev.banger.plugins.vm.backend.firecracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the fake holds requests to the spec: each request here is one the spec forbids, and each must
 * be answered 400 with a fault_message and recorded. Raw HTTP, so no client-side typing can hide it.
 */
class FakeFirecrackerApiTest {
    private static final String BOOT_SOURCE = "{\"kernel_image_path\":\"/k/vmlinux\",\"boot_args\":\"console=ttyS0\"}";
    private static final String ROOT_DRIVE =
            "{\"drive_id\":\"rootfs\",\"path_on_host\":\"/d/rootfs.raw\",\"is_root_device\":true,\"is_read_only\":false}";

    @TempDir
    Path dir;
    private FakeFirecrackerApi fake;
    private UnixHttpClient http;

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeFirecrackerApi.start(dir.resolve("api.sock"), "vm-test");
        http = new UnixHttpClient(fake.socketPath(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }

    @Test
    void unknownFieldIsRefused() throws Exception {
        assertRefused("PUT", "/boot-source", "{\"kernel_image_path\":\"/k\",\"kernel_args\":\"x\"}",
                "body.kernel_args is not a known field");
    }

    @Test
    void missingRequiredFieldIsRefused() throws Exception {
        assertRefused("PUT", "/drives/rootfs", "{\"drive_id\":\"rootfs\",\"path_on_host\":\"/d\"}",
                "body.is_root_device is required");
    }

    @Test
    void actionTypeOutsideTheEnumIsRefused() throws Exception {
        assertRefused("PUT", "/actions", "{\"action_type\":\"Reboot\"}",
                "body.action_type must be one of [\"FlushMetrics\",\"InstanceStart\",\"SendCtrlAltDel\"]");
    }

    @Test
    void wrongTypeIsRefused() throws Exception {
        assertRefused("PUT", "/machine-config", "{\"vcpu_count\":2,\"mem_size_mib\":\"1024\"}",
                "body.mem_size_mib must be integer, got string \"1024\"");
    }

    @Test
    void nestedSchemasAreCheckedThroughTheirRefs() throws Exception {
        assertRefused("PUT", "/network-interfaces/eth0",
                "{\"iface_id\":\"eth0\",\"host_dev_name\":\"tap0\",\"rx_rate_limiter\":{\"ops\":{\"size\":10}}}",
                "body.rx_rate_limiter.ops.refill_time is required");
    }

    @Test
    void outOfRangeNumberIsRefused() throws Exception {
        assertRefused("PUT", "/vsock", "{\"guest_cid\":2,\"uds_path\":\"/v.sock\"}", "body.guest_cid must be at least 3");
    }

    @Test
    void pathIdDifferentFromBodyIdIsRefused() throws Exception {
        assertRefused("PUT", "/drives/rootfs", ROOT_DRIVE.replace("\"rootfs\"", "\"other\""),
                "path says drive_id=rootfs but body.drive_id is \"other\"");
    }

    @Test
    void unknownPathIsRefused() throws Exception {
        assertRefused("PUT", "/disks/rootfs", ROOT_DRIVE, "no such path in the API: /disks/rootfs");
    }

    @Test
    void wrongMethodIsRefused() throws Exception {
        assertRefused("GET", "/actions", null, "GET is not allowed on /actions (the spec allows PUT)");
    }

    @Test
    void missingRequiredBodyIsRefused() throws Exception {
        assertRefused("PUT", "/boot-source", null, "a body is required");
    }

    @Test
    void invalidJsonIsRefused() throws Exception {
        assertRefused("PUT", "/boot-source", "{\"kernel_image_path\":", "body is not valid JSON");
    }

    @Test
    void instanceStartWithoutBootSourceIsRefused() throws Exception {
        assertAccepted("PUT", "/drives/rootfs", ROOT_DRIVE);
        assertRefused("PUT", "/actions", "{\"action_type\":\"InstanceStart\"}", "InstanceStart: no boot source configured");
    }

    @Test
    void instanceStartWithoutRootDriveIsRefused() throws Exception {
        assertAccepted("PUT", "/boot-source", BOOT_SOURCE);
        assertRefused("PUT", "/actions", "{\"action_type\":\"InstanceStart\"}", "InstanceStart: no root drive configured");
    }

    @Test
    void preBootOnlyPutAfterInstanceStartIsRefused() throws Exception {
        startInstance();
        assertRefused("PUT", "/drives/scratch",
                "{\"drive_id\":\"scratch\",\"path_on_host\":\"/d/s\",\"is_root_device\":false,\"is_read_only\":false}",
                "PUT /drives/{drive_id} is pre-boot only, and the instance is Running");
    }

    @Test
    void postBootOnlyPatchBeforeInstanceStartIsRefused() throws Exception {
        assertRefused("PATCH", "/drives/rootfs", "{\"drive_id\":\"rootfs\",\"path_on_host\":\"/d/new.raw\"}",
                "PATCH /drives/{drive_id} is post-boot only");
    }

    @Test
    void ctrlAltDelBeforeInstanceStartIsRefused() throws Exception {
        assertRefused("PUT", "/actions", "{\"action_type\":\"SendCtrlAltDel\"}", "SendCtrlAltDel: the instance has not started");
    }

    @Test
    void aGoodSequenceLeavesNoViolationsAndDescribesTheState() throws Exception {
        assertThat(http.send("GET", "/", null).body()).contains("\"state\":\"Not started\"");
        startInstance();
        assertAccepted("PATCH", "/drives/rootfs", "{\"drive_id\":\"rootfs\",\"path_on_host\":\"/d/new.raw\"}");
        assertAccepted("PUT", "/actions", "{\"action_type\":\"SendCtrlAltDel\"}");
        HttpReply info = http.send("GET", "/", null);

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body()).contains("\"state\":\"Running\"", "\"id\":\"vm-test\"", "\"app_name\":\"Firecracker\"");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void preAndPostBootRulesComeFromTheSpecText() throws Exception {
        BootPhaseRules rules = new BootPhaseRules(FakeFirecrackerApi.firecrackerSpec());

        assertThat(rules.preBootOnly()).containsExactlyInAnyOrder("PUT /boot-source", "PUT /cpu-config",
                "PUT /drives/{drive_id}", "PUT /pmem/{id}", "PUT /machine-config", "PATCH /machine-config",
                "PUT /mmds/config", "PUT /entropy", "PUT /network-interfaces/{iface_id}", "PUT /snapshot/load",
                "PUT /vsock", "PUT /balloon");
        assertThat(rules.postBootOnly()).containsExactlyInAnyOrder("PATCH /drives/{drive_id}", "PATCH /pmem/{id}",
                "PATCH /network-interfaces/{iface_id}", "PUT /snapshot/create");
    }

    private void startInstance() throws Exception {
        assertAccepted("PUT", "/boot-source", BOOT_SOURCE);
        assertAccepted("PUT", "/drives/rootfs", ROOT_DRIVE);
        assertAccepted("PUT", "/actions", "{\"action_type\":\"InstanceStart\"}");
    }

    private void assertAccepted(String method, String path, String body) throws Exception {
        HttpReply reply = http.send(method, path, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private void assertRefused(String method, String path, String body, String why) throws Exception {
        int before = fake.violations().size();
        HttpReply reply = http.send(method, path, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).startsWith("{\"fault_message\":").contains(why.replace("\"", "\\\""));
        assertThat(fake.violations()).hasSize(before + 1);
        assertThat(fake.violations().get(before)).startsWith(method + " " + path + ": ").contains(why);
    }
}
