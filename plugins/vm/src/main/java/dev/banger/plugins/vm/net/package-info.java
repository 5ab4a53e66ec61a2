/**
 * Bridge networking: the settings ({@code [vm]} bridge keys), the address allocator, the network
 * namespace a test may confine banger to, the helper calls that make and remove a VM's tap and NAT,
 * and ({@code dns}) the daemon's small DNS server for {@code <name>.vm}.
 */
package dev.banger.plugins.vm.net;
