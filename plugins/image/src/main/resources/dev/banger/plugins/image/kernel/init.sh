#!/bin/sh
# banger initramfs /init (busybox sh). The boot contract is documented in InitramfsBuilder and docs/kernels.md.
# Every failure prints one BANGER-INITRAMFS-ERROR line and powers off: a guest must never hang here.
export PATH=/bin
set -f # the kernel command line is split into words below, never globbed

fail() {
    echo "BANGER-INITRAMFS-ERROR: $*"
    poweroff -f
    sleep 5
    exit 1 # poweroff did not happen: init exiting panics the kernel, and panic=-1 ends the VM
}

mkdir -p /proc /sys /dev /newroot
mount -t proc proc /proc || fail "cannot mount /proc"
mount -t sysfs sysfs /sys || fail "cannot mount /sys"
mount -t devtmpfs devtmpfs /dev || fail "cannot mount devtmpfs on /dev"

root=/dev/vda
rootfstype=ext4
mode=rw
init=/sbin/init
rootwait=30
initramfs_only=0
for arg in $(cat /proc/cmdline); do
    case "$arg" in
        root=*) root="${arg#root=}" ;;
        rootfstype=*) rootfstype="${arg#rootfstype=}" ;;
        init=*) init="${arg#init=}" ;;
        ro) mode=ro ;;
        rw) mode=rw ;;
        banger.rootwait=*) rootwait="${arg#banger.rootwait=}" ;;
        banger.initramfs_only=1) initramfs_only=1 ;;
    esac
done

while read -r module; do
    [ -n "$module" ] || continue
    insmod "$module" || fail "insmod $module failed"
done < /etc/banger/modules

if [ "$initramfs_only" = 1 ]; then
    echo "BANGER-INITRAMFS-OK"
    poweroff -f
    sleep 5
    exit 0
fi

tries=0
while :; do
    case "$root" in
        UUID=*|LABEL=*) device="$(findfs "$root" 2>/dev/null)" ;;
        *) device="$root" ;;
    esac
    [ -n "$device" ] && [ -b "$device" ] && break
    tries=$((tries + 1))
    [ "$tries" -le $((rootwait * 10)) ] || fail "root device $root did not appear within ${rootwait} s (is the disk attached as a virtio-blk device?)"
    sleep 0.1
done

mount -t "$rootfstype" -o "$mode" "$device" /newroot || fail "cannot mount $device ($rootfstype, $mode) on /newroot"
[ -L "/newroot$init" ] || [ -x "/newroot$init" ] || fail "$init is not an executable in the root file system on $device"
for fs in dev proc sys; do
    if [ -d "/newroot/$fs" ]; then
        mount -o move "/$fs" "/newroot/$fs" || fail "cannot move /$fs into the root file system"
    else
        umount "/$fs"
    fi
done
exec switch_root /newroot "$init"
