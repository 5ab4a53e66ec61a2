package dev.banger.plugins.vm.store;

import java.util.Set;

/** Picks a new VM's lease given the addresses and taps every existing lease holds (called under the store's lock). */
@FunctionalInterface
public interface LeaseChooser {
    BridgeLease choose(Set<String> takenIps, Set<String> takenTaps);
}
