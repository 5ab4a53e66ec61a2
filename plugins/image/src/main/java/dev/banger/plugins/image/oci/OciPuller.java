package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls an image into the blob cache: resolve the manifest (through an index to the wanted platform),
 * then the config and every layer, each verified in the cache. The result only names blobs that are
 * in the cache when it returns, even if a prune ran meanwhile.
 */
public final class OciPuller {
    /** A prune can empty the cache under a running pull; this many rounds re-fetch what it took. */
    private static final int MAX_ROUNDS = 3;
    private final BlobCache cache;
    private final RegistryOptions options;

    public OciPuller(BlobCache cache, RegistryOptions options) {
        this.cache = cache;
        this.options = options;
    }

    public PulledImage pull(ImageReference reference, Platform platform, OperationProgress progress) {
        progress.stage("resolving " + reference);
        RegistryClient client = new RegistryClient(reference, options);
        FetchedManifest manifest = client.fetchManifest(reference.manifestReference());
        if (MediaTypes.isIndex(manifest.mediaType())) {
            Descriptor chosen = PlatformSelector.select(reference, manifest, platform);
            progress.checkCancelled();
            manifest = client.fetchManifest(chosen.digest().toString());
        }
        ImageManifest image = ImageManifest.parse(reference, manifest);
        if (image.config().size() > options.maxManifestBytes()) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + reference + " but its config is "
                    + image.config().size() + " bytes, over the limit of " + options.maxManifestBytes());
        }
        requireCacheSpace(reference, image);
        for (int round = 1; ; round++) {
            PullProgress pullProgress = new PullProgress(progress, image.totalLayerBytes(), image.layers().size());
            Path configBlob = fetch(client, image.config(), progress, pullProgress, -1);
            List<PulledLayer> layers = new ArrayList<>();
            for (int i = 0; i < image.layers().size(); i++) {
                Descriptor layer = image.layers().get(i);
                Path blob = fetch(client, layer, progress, pullProgress, i);
                layers.add(new PulledLayer(layer.digest().toString(), layer.mediaType(), layer.size(), blob));
            }
            if (allStillCached(configBlob, layers) || round == MAX_ROUNDS) {
                progress.progress(1.0);
                return new PulledImage(reference.withDigest(manifest.digest().toString()), manifest.digest().toString(),
                        readConfig(reference, configBlob), layers);
            }
        }
    }

    private Path fetch(RegistryClient client, Descriptor blob, OperationProgress progress, PullProgress pullProgress, int layerIndex) {
        boolean isLayer = layerIndex >= 0;
        if (isLayer) {
            pullProgress.startLayer(layerIndex, blob);
        }
        if (cache.find(blob.digest(), blob.size()).isPresent()) {
            if (isLayer) {
                pullProgress.add(blob.size());
            }
            return cache.blobPath(blob.digest());
        }
        long[] reported = {0};
        RegistryBlobSource source = new RegistryBlobSource(client, blob.digest(), blob.size(), progress, bytes -> {
            reported[0] += bytes;
            if (isLayer) {
                pullProgress.add(bytes);
            }
        });
        Path path = cache.obtain(blob.digest(), blob.size(), source, progress);
        if (isLayer) {
            pullProgress.add(blob.size() - reported[0]); // another pull may have downloaded it for us
        }
        return path;
    }

    /** Refused before the first byte when the blobs not yet cached cannot fit: no half download to clean up. */
    private void requireCacheSpace(ImageReference reference, ImageManifest image) {
        long missing = 0;
        int count = 0;
        List<Descriptor> all = new ArrayList<>(image.layers());
        all.add(image.config());
        for (Descriptor d : all) {
            // a hostile manifest (a 1 TB layer) is refused as such, before any free-space arithmetic turns it into "no space"
            if (d.size() > options.maxBlobBytes()) {
                throw RegistryBlobSource.tooLarge(reference, d.digest(), d.size(), options.maxBlobBytes());
            }
            if (cache.find(d.digest(), d.size()).isEmpty()) {
                missing += d.size();
                count++;
            }
        }
        if (count > 0) {
            dev.banger.kernel.api.files.DiskSpace.require(cache.cacheDir(), missing,
                    "pulling " + reference + " (" + count + " blob(s) not yet in the cache)");
        }
    }

    private static boolean allStillCached(Path config, List<PulledLayer> layers) {
        return Files.exists(config) && layers.stream().allMatch(layer -> Files.exists(layer.blob()));
    }

    private static JsonNode readConfig(ImageReference reference, Path configBlob) {
        try {
            return new ObjectMapper().readTree(configBlob.toFile());
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + reference + " but its config is not JSON: " + e, e);
        }
    }
}
