package dev.banger.plugins.vm.api;

import java.util.List;

public record VmListResult(List<VmSummary> vms) {
}
