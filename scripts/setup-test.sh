#!/usr/bin/env bash
# Installs what the test suite needs on Debian 12, then the npm dependencies. Idempotent: apt runs only
# when a package is missing. Tests start their own private dockerd, containerd and registry
# (test/harness/), never the system ones, so this script keeps the packages' services from starting.
set -euo pipefail

# What each package is for:
#   docker.io          dockerd 20.10, containerd and runc for the private test engine
#   busybox-static     /bin/busybox, the only content of the test image (no image can be pulled)
#   docker-registry    the private registry (distribution 2.8)
#   chromium           the browser playwright-core drives (its own download is unreachable)
#   apache2-utils      htpasswd -B, for a registry that needs login
#   iproute2           ip, to create the test engine's own bridge
#   xvfb               a display for headed windows
#   fonts-dejavu-core  a font, so text renders the same in every screenshot
#   openssh-server     /usr/sbin/sshd, run privately on a loopback port in front of the test engine (remote engines)
#   openssh-client     ssh-keygen, for the private sshd's host and user keys and fingerprints
#   debootstrap        builds the VM guest's Debian tree from Debian's archive (npm run vm:image)
#   qemu-system-x86    boots the VM guest (the VM engine and its integration test)
#   qemu-utils         qemu-img, to create and grow the VM's data disk
#   e2fsprogs          mkfs.ext4 -d, turns the guest tree into its OS disk
#   zstd               packs the guest's OS disk and WSL2 rootfs, and unpacks them
#   cpio               packs the guest's tiny initrd
#   xz-utils           unpacks an xz-compressed kernel into the vmlinux the VM boots directly
#   podman             Podman 4.3, run privately as `podman system service` (test/harness/private-podman.ts) to
#                      test Berth against Podman's Docker-compatible API. It pulls in conmon, containers-common,
#                      containernetworking-plugins and libsubid4, and runs containers with crun or docker.io's
#                      runc. Nothing else: the service runs as root (the rootless packages below are for Berth's
#                      own engine, not Podman), its containers have no network (no iptables) and no --init (no
#                      catatonit).
#   docker-compose     Compose 1.29, the CLI Berth runs for a compose file's up and down (no `docker compose` v2
#                      plugin is packaged in Debian 12)
#   rootlesskit        Berth's own engine as a normal user (rootless-engine.int.test.ts): dockerd-rootless.sh (in
#                      docker.io's /usr/share/docker.io/contrib) runs dockerd under rootlesskit in a user namespace
#   slirp4netns        that engine's network (a tap device in its namespace; the test makes /dev/net/tun 0666,
#                      Debian's udev mode, where a VM image left it 0600)
#   uidmap             newuidmap/newgidmap, which map the user's /etc/subuid and /etc/subgid ranges
#   fuse-overlayfs     overlay storage for rootless dockerd on kernels before 5.11 (newer ones do it natively)
#   sudo               Berth's own engine through its privileged helper (helper-engine.int.test.ts gives its own
#                      test user a NOPASSWD rule for the helper only, and removes it)
#   pkexec             the same helper through polkit, as on a desktop (pulls in polkitd and dbus): the test
#                      starts the system bus when none runs, installs Berth's action and a rule that lets its
#                      user in without a password, and removes all three
packages=(docker.io busybox-static docker-registry chromium apache2-utils iproute2 xvfb fonts-dejavu-core openssh-server openssh-client
  debootstrap qemu-system-x86 qemu-utils e2fsprogs zstd cpio xz-utils podman docker-compose
  rootlesskit slirp4netns uidmap fuse-overlayfs sudo pkexec)
# dockerd confines containers with AppArmor when the kernel enables it, and then needs apparmor_parser.
if [[ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null || true)" == "Y" ]]; then
  packages+=(apparmor)
fi

log() { printf '[setup-test] %s\n' "$*"; }

as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  fi
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  log "system packages present: ${packages[*]}"
else
  if [[ "$(id -u)" -ne 0 && ${#as_root[@]} -eq 0 ]]; then
    log "missing ${missing[*]}: run this script as root (or install sudo)" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  # policy-rc.d exit 101 tells invoke-rc.d and deb-systemd-invoke not to start services during the
  # install: no system dockerd, containerd or registry (port 5000). Keep one that is already there.
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# Written by berth scripts/setup-test.sh for the duration of an install.\nexit 101\n' |
      "${as_root[@]}" tee "$policy" >/dev/null
    "${as_root[@]}" chmod 755 "$policy"
    trap '"${as_root[@]}" rm -f "$policy"' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "installed ${missing[*]}"
  # The tests run their own sshd with its own config; a system sshd we installed must not start at boot
  # either. Debian's ssh unit and init script both skip when this file exists (an sshd that was already
  # installed is left as it was).
  if [[ " ${missing[*]} " == *" openssh-server "* ]]; then
    "${as_root[@]}" touch /etc/ssh/sshd_not_to_be_run
    log "openssh-server installed with its system service disabled (/etc/ssh/sshd_not_to_be_run)"
  fi
  # Podman's package enables a system API socket (/run/podman/podman.sock, started on demand), a service, a
  # restart-at-boot unit and a daily auto-update timer; the tests run their own service, so none of them is
  # left enabled (a Podman that was already installed is left as it was).
  if [[ " ${missing[*]} " == *" podman "* ]]; then
    # systemctl edits the unit links offline too (no running systemd needed, as on these machines).
    "${as_root[@]}" systemctl disable --quiet podman.socket podman.service podman-restart.service podman-auto-update.timer podman-auto-update.service
    log "podman installed with its system socket, service and timers disabled"
  fi
fi

log "npm ci (ELECTRON_SKIP_BINARY_DOWNLOAD=1: the Electron runtime cannot be downloaded here)"
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
log "done; the engine tests need root to run their private dockerd"
