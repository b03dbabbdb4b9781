#!/usr/bin/env bash
# Turns the debootstrapped tree into Berth's guest: berth-init as PID 1, the stats collector, sshd (keys only,
# host key made per machine at first boot), containerd's config, the power-button hook and the AppArmor profile
# docker wants. Identity baked into the tree (machine-id, SSH host keys) is removed so no two machines share it.
# Usage: configure-rootfs.sh ROOTFS KERNEL_VERSION
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rootfs="$1"

install -m 0755 "$here/guest/berth-init" "$rootfs/sbin/berth-init"
install -m 0755 "$here/guest/berth-guest-stats" "$rootfs/usr/local/bin/berth-guest-stats"
install -D -m 0644 "$here/guest/docker-default.apparmor" "$rootfs/etc/berth/docker-default.apparmor"
install -D -m 0644 "$here/guest/sshd-berth.conf" "$rootfs/etc/ssh/sshd_config.d/berth.conf"
install -D -m 0644 "$here/guest/containerd.toml" "$rootfs/etc/berth/containerd.toml"
# busybox's static modprobe for dockerd, whose libnetwork execs `modprobe -va` for modules berth-init loaded
# already: kmod (dynamically linked, reading its binary indexes) took about 0.25 s a call under emulation.
install -d "$rootfs/usr/lib/berth/fast-bin"
ln -sfn /bin/busybox "$rootfs/usr/lib/berth/fast-bin/modprobe"
# acpid runs this on the power button; PID 1 does the orderly shutdown.
install -D -m 0644 /dev/stdin "$rootfs/etc/acpi/events/berth-power" <<'CONF'
event=button/power.*
action=kill -USR1 1
CONF
rm -f "$rootfs"/etc/acpi/events/powerbtn* "$rootfs"/etc/acpi/powerbtn.sh

rm -f "$rootfs"/etc/ssh/ssh_host_*
: >"$rootfs/etc/machine-id"
rm -f "$rootfs/var/lib/dbus/machine-id"
echo berth >"$rootfs/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tberth\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
# QEMU's user network always answers DNS on 10.0.2.3 (guest-protocol GUEST_DNS).
rm -f "$rootfs/etc/resolv.conf"
echo 'nameserver 10.0.2.3' >"$rootfs/etc/resolv.conf"
install -d -m 0700 "$rootfs/root/.ssh"
install -d "$rootfs/var/lib/berth" "$rootfs/var/log/berth"
install -d -m 1777 "$rootfs/tmp"
# Root has no password: only the per-machine key handed in through fw_cfg logs in.
sed -i 's/^root:[^:]*:/root:*:/' "$rootfs/etc/shadow"
