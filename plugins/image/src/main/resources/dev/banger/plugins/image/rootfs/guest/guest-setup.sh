#!/bin/sh
# banger guest setup (written by banger into the image; do not edit).
# Configures the network from the kernel command line, then tells the host the guest is ready.
#   banger.ip=ADDR/PREFIX  banger.gw=GW  banger.dns=DNS[,DNS]  banger.hostname=NAME  banger.iface=IFACE
# Per-VM files come from the config disk banger attaches as the second disk (/dev/vdb, ext4
# labelled BANGERCFG, holding a file named banger-config): root's authorized_keys and the VM's own
# ssh host key. An optional work disk (/dev/vdc, labelled BANGERWORK) is mounted on /work.
# Usage: guest-setup [all|network|announce]    (default: all)
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

READY_PORT_NAME=org.banger.guest.0

log() {
    echo "banger-guest: $*" >&2
}

cmdline_value() {
    for word in $(cat /proc/cmdline 2>/dev/null); do
        case "$word" in
            "$1="*) echo "${word#*=}"; return 0 ;;
        esac
    done
    return 1
}

# iproute2's ip, or busybox's applet in images without iproute2
ip_cmd() {
    if command -v ip >/dev/null 2>&1; then
        ip "$@"
    elif command -v busybox >/dev/null 2>&1; then
        busybox ip "$@"
    else
        log "neither ip nor busybox is installed; cannot configure the network"
        return 127
    fi
}

first_interface() {
    for dev in /sys/class/net/*; do
        name=${dev##*/}
        [ "$name" = lo ] || [ ! -e "$dev" ] || { echo "$name"; return 0; }
    done
    return 1
}

# the NIC's driver may still be loading: wait up to ~10 s for it
wait_for_interface() {
    tries=0
    while [ $tries -lt 100 ]; do
        if [ -n "$1" ]; then
            [ -e "/sys/class/net/$1" ] && { echo "$1"; return 0; }
        else
            first_interface && return 0
        fi
        tries=$((tries + 1))
        sleep 0.1 2>/dev/null || sleep 1
    done
    return 1
}

setup_hostname() {
    name=$(cmdline_value banger.hostname) || return 0
    echo "$name" > /etc/hostname
    hostname "$name" 2>/dev/null || echo "$name" > /proc/sys/kernel/hostname
    grep -q "[[:space:]]$name\$" /etc/hosts 2>/dev/null || echo "127.0.1.1 $name" >> /etc/hosts
}

setup_network() {
    ip_cmd link set lo up 2>/dev/null
    addr=$(cmdline_value banger.ip) || { log "no banger.ip= on the kernel command line; network left alone"; return 0; }
    gw=$(cmdline_value banger.gw) || gw=
    dns=$(cmdline_value banger.dns) || dns=
    iface=$(cmdline_value banger.iface) || iface=
    iface=$(wait_for_interface "$iface") || { log "no network interface ${iface:-other than lo} appeared"; return 1; }
    ip_cmd link set "$iface" up || { log "could not bring $iface up"; return 1; }
    ip_cmd addr replace "$addr" dev "$iface" || { log "could not set $addr on $iface"; return 1; }
    if [ -n "$gw" ]; then
        ip_cmd route replace default via "$gw" dev "$iface" || log "could not set the default route via $gw"
    fi
    if [ -n "$dns" ]; then
        rm -f /etc/resolv.conf # may be a symlink to a resolver stub that is not running
        for server in $(echo "$dns" | tr ',' ' '); do
            echo "nameserver $server"
        done > /etc/resolv.conf
    fi
    log "$iface: $addr${gw:+ via $gw}"
}

label_of() {
    if command -v blkid >/dev/null 2>&1; then blkid -s LABEL -o value "$1" 2>/dev/null; fi
}

# copy the per-VM files from the config disk; never fatal: a VM without one still boots
setup_config_disk() {
    [ -b /dev/vdb ] || return 0
    dir=/run/banger-config
    mkdir -p "$dir"
    mount -t ext4 -o ro /dev/vdb "$dir" 2>/dev/null || { log "/dev/vdb is not a banger config disk"; return 0; }
    if [ -f "$dir/banger-config" ]; then
        if [ -f "$dir/authorized_keys" ]; then
            mkdir -p /root/.ssh && chmod 700 /root/.ssh
            cp "$dir/authorized_keys" /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys
        fi
        if [ -f "$dir/ssh_host_ed25519_key" ]; then
            mkdir -p /etc/ssh
            cp "$dir/ssh_host_ed25519_key" /etc/ssh/ssh_host_ed25519_key && chmod 600 /etc/ssh/ssh_host_ed25519_key
            cp "$dir/ssh_host_ed25519_key.pub" /etc/ssh/ssh_host_ed25519_key.pub && chmod 644 /etc/ssh/ssh_host_ed25519_key.pub
        fi
    fi
    umount "$dir" 2>/dev/null
    if [ -b /dev/vdc ] && [ "$(label_of /dev/vdc)" != BANGERCFG ]; then
        mkdir -p /work
        mountpoint -q /work 2>/dev/null || mount -t ext4 /dev/vdc /work 2>/dev/null || log "could not mount the work disk /dev/vdc on /work"
    fi
}

# sshd refuses to start without host keys; generate only the missing ones
ensure_host_keys() {
    if command -v ssh-keygen >/dev/null 2>&1; then
        ssh-keygen -A >/dev/null 2>&1 || log "ssh-keygen -A failed"
    fi
}

# udev makes /dev/virtio-ports/NAME; without udev, find the port by its name in sysfs
ready_port() {
    if [ -e "/dev/virtio-ports/$READY_PORT_NAME" ]; then
        echo "/dev/virtio-ports/$READY_PORT_NAME"
        return 0
    fi
    for f in /sys/class/virtio-ports/*/name; do
        [ -r "$f" ] && [ "$(cat "$f")" = "$READY_PORT_NAME" ] || continue
        dir=${f%/name}
        [ -e "/dev/${dir##*/}" ] && { echo "/dev/${dir##*/}"; return 0; }
    done
    return 1
}

# the serial console first: it never blocks. A virtio-serial port blocks writers while nobody on the
# host holds its socket, so that write gets a time limit (and is skipped without timeout(1)).
announce() {
    [ -e /dev/ttyS0 ] && printf 'BANGER_READY\n' > /dev/ttyS0 2>/dev/null
    if port=$(ready_port) && command -v timeout >/dev/null 2>&1; then
        timeout 2 sh -c "printf 'BANGER_READY\\n' > '$port'" 2>/dev/null
    fi
    return 0
}

case "${1:-all}" in
    network) setup_hostname; setup_config_disk; setup_network; ensure_host_keys ;;
    announce) announce ;;
    all) setup_hostname; setup_config_disk; setup_network; ensure_host_keys; announce ;;
    *) echo "usage: $0 [all|network|announce]" >&2; exit 2 ;;
esac
exit 0
