package dev.banger.plugins.vm.api;

import java.util.List;

/** A VM's forwards after a vm.forward.* call (for add and remove, {@code changed} is the one added or removed). */
public record VmForwards(String name, PortForward changed, List<PortForward> forwards) {
}
