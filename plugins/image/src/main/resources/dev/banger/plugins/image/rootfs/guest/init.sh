#!/bin/sh
# banger init (written by banger into the image; do not edit): PID 1 for images without systemd.
# Booted with init=/usr/lib/banger/init. Mounts the API filesystems, sets up the network, makes sure sshd
# exists (installing openssh on first boot if needed), starts it, announces readiness, then reaps children.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

console() {
    echo "banger-init: $*" > /dev/console 2>/dev/null || echo "banger-init: $*"
}

is_mounted() {
    grep -q "^[^ ]* $1 " /proc/mounts 2>/dev/null
}

mount_api() { # TYPE DIR OPTIONS
    is_mounted "$2" && return 0
    mkdir -p "$2"
    mount -t "$1" -o "$3" "$1" "$2" 2>/dev/null || console "could not mount $1 on $2"
}

mount_all() {
    mount -t proc -o nosuid,nodev,noexec proc /proc 2>/dev/null
    mount -o remount,rw / 2>/dev/null
    mount_api sysfs /sys nosuid,nodev,noexec
    mount_api devtmpfs /dev mode=0755,nosuid
    mount_api devpts /dev/pts gid=5,mode=0620,ptmxmode=0666,nosuid,noexec
    mount_api tmpfs /dev/shm mode=1777,nosuid,nodev
    mount_api tmpfs /run mode=0755,nosuid,nodev
    [ -e /dev/ptmx ] || ln -s pts/ptmx /dev/ptmx
    hostname localhost 2>/dev/null
}

install_sshd() {
    [ -x /usr/sbin/sshd ] && return 0
    console "sshd is missing: installing openssh-server (first boot only)"
    if command -v apk >/dev/null 2>&1; then
        apk add --no-cache openssh-server openssh-keygen
    elif command -v apt-get >/dev/null 2>&1; then
        # keep the package's scripts from starting an sshd of their own
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d
        DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openssh-server
        status=$?
        rm -f /usr/sbin/policy-rc.d
        [ $status -eq 0 ]
    elif command -v dnf >/dev/null 2>&1; then
        dnf install -y openssh-server
    elif command -v yum >/dev/null 2>&1; then
        yum install -y openssh-server
    else
        console "no package manager found (apk, apt-get, dnf, yum): cannot install openssh-server"
        return 1
    fi
}

start_sshd() {
    [ -x /usr/sbin/sshd ] || { console "no sshd: this VM cannot be reached over ssh"; return 1; }
    ssh-keygen -A >/dev/null 2>&1 || console "ssh-keygen -A failed"
    mkdir -p /run/sshd /var/empty && chmod 0755 /run/sshd
    /usr/sbin/sshd -o PermitRootLogin=prohibit-password -o PasswordAuthentication=no -o UseDNS=no ||
        console "sshd failed to start"
}

shutdown_guest() { # poweroff|reboot
    console "shutting down ($1)"
    kill -TERM -1 2>/dev/null
    sleep 1
    kill -KILL -1 2>/dev/null
    sync
    umount -a -r 2>/dev/null
    mount -o remount,ro / 2>/dev/null
    sync
    if [ "$1" = reboot ]; then
        reboot -f 2>/dev/null || echo b > /proc/sysrq-trigger
    else
        poweroff -f 2>/dev/null || echo o > /proc/sysrq-trigger
    fi
    exit 0
}

# busybox's poweroff/halt/reboot signal PID 1 with USR2/USR1/TERM; the kernel sends INT for ctrl-alt-del
trap 'shutdown_guest poweroff' USR1 USR2
trap 'shutdown_guest reboot' TERM INT

mount_all
/usr/lib/banger/guest-setup network
if ! install_sshd > /dev/console 2>&1; then
    console "installing openssh-server failed; continuing without ssh"
fi
start_sshd
/usr/lib/banger/guest-setup announce

# PID 1 must reap orphans: while the shell waits, it collects every child that exits
while :; do
    sleep 3600 &
    wait $!
done
