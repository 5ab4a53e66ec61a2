package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;

/**
 * For lifecycle objects built only to look VMs up (find, backend): no call path of theirs reaches the
 * helper, and one that did would be a bug, which this says instead of failing somewhere deeper.
 */
final class HelperNotGiven implements HelperClient {
    static final HelperNotGiven INSTANCE = new HelperNotGiven();

    @Override
    public <R> R call(String method, Object params, Class<R> result) {
        throw new IllegalStateException("internal: " + method + " needs the helper, but this lifecycle was built without one");
    }

    @Override
    public boolean reachable() {
        return false;
    }
}
