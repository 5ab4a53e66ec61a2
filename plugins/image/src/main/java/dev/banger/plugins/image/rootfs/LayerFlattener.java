package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Flattens ordered layers into a new staging directory. On any failure (bad layer, I/O, cancel) the
 * staging directory is removed before the error propagates, so nothing is left behind.
 */
public final class LayerFlattener {
    /** Progress reported while flattening covers [0, share] of the whole build. */
    private final double share;
    private final ExpansionLimit limit;

    public LayerFlattener() {
        this(1.0, ExpansionLimit.defaults());
    }

    LayerFlattener(double share) {
        this(share, ExpansionLimit.defaults());
    }

    LayerFlattener(double share, ExpansionLimit limit) {
        this.share = share;
        this.limit = limit;
    }

    public StagingTree flatten(List<LayerSupplier> layers, Path stagingDir, OperationProgress progress) {
        StagingTree tree;
        try {
            tree = StagingTree.create(stagingDir);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Could not create the staging directory " + stagingDir + ": " + e, e);
        }
        boolean done = false;
        try {
            for (int i = 0; i < layers.size(); i++) {
                progress.checkCancelled();
                applyLayer(tree, layers.get(i), i, layers.size(), progress);
                progress.progress(share * (i + 1) / layers.size());
            }
            tree.applyDirectoryTimes();
            done = true;
            return tree;
        } finally {
            if (!done) {
                FileTrees.deleteQuietly(stagingDir);
            }
        }
    }

    private void applyLayer(StagingTree tree, LayerSupplier layer, int index, int total, OperationProgress progress) {
        String layerName = "layer " + (index + 1) + "/" + total + " (" + layer.name() + ")";
        try (InputStream in = new ExpansionGuard(layer.open(), limit, layer.storedBytes(), layerName)) {
            new LayerApplier(tree, progress).apply(in, layerName);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Could not unpack " + layerName + ": " + e.getMessage(), e);
        }
    }
}
