package dev.banger.kernel.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {
    @TempDir
    Path dir;

    @Test
    void recognisesEveryWayAFullDiskSaysSoAnywhereInTheCauseChain() {
        assertThat(DiskSpace.exhausted(new IOException("No space left on device"))).isTrue();
        assertThat(DiskSpace.exhausted(new RuntimeException("wrapped", new IOException("Disk quota exceeded")))).isTrue();
        assertThat(DiskSpace.exhausted(new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"))).isTrue();
        assertThat(DiskSpace.exhausted(new RpcException(ErrorCode.OPERATION_FAILED,
                "mkfs.ext4 exited with 1: mkfs.ext4: No space left on device while writing out and closing file system"))).isTrue();
        assertThat(DiskSpace.exhausted(new IOException("Permission denied"))).isFalse();
        // the ext4 being built is full: a sizing problem inside the image, not the host's disk
        assertThat(DiskSpace.exhausted(new IOException("Could not allocate block in ext2 filesystem"))).isFalse();
    }

    @Test
    void theErrorNamesTheDirectoryTheNeedAndWhatIsFree() {
        RpcException e = DiskSpace.error(dir.resolve("not/made/yet"), "pulling x", 5L << 20);
        assertThat(e.code()).isEqualTo(ErrorCode.NO_SPACE);
        assertThat(e.getMessage()).contains("file system of " + dir, "pulling x needs about 5.0 MiB", "is free there");
    }

    @Test
    void requireRefusesOnlyWhatDoesNotFit() {
        DiskSpace.require(dir, 1, "a byte");
        assertThatThrownBy(() -> DiskSpace.require(dir, Long.MAX_VALUE, "everything"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SPACE));
    }
}
