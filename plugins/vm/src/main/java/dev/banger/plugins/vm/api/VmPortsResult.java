package dev.banger.plugins.vm.api;

import java.util.List;

public record VmPortsResult(String name, List<GuestPort> ports) {
}
