package dev.banger.plugins.vm.api;

import java.util.List;

/** The result of a lifecycle call on several VMs, in the order they were named. */
public record VmResults(List<VmSummary> vms) {
}
