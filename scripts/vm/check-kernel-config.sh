#!/usr/bin/env bash
# Fails the image build, saying what is missing, when the guest kernel lacks what Berth's VM relies on: the
# virtio balloon with free page reporting (memory the guest frees goes back to the host) and discard on virtio
# disks (the data disk's freed blocks go back). Reads the kernel's own /boot/config-<version>.
# Usage: check-kernel-config.sh ROOTFS KERNEL_VERSION
set -euo pipefail
rootfs="$1"
kver="$2"
config="$rootfs/boot/config-$kver"
[[ -r "$config" ]] || { echo "[vm:image] error: no kernel config at /boot/config-$kver to check the guest kernel against" >&2; exit 1; }

# option, the values that do, and why Berth needs it
required=(
  "CONFIG_VIRTIO_BALLOON y|m the virtio balloon, through which the guest reports freed memory to the host"
  "CONFIG_PAGE_REPORTING y free page reporting: without it memory freed in the guest stays with QEMU"
  "CONFIG_VIRTIO_BLK y|m virtio disks (the OS and data disks)"
)
missing=0
for entry in "${required[@]}"; do
  read -r option values why <<<"$entry"
  value="$(sed -n "s/^$option=//p" "$config")"
  if [[ ! "$value" =~ ^($values)$ ]]; then
    echo "[vm:image] error: the guest kernel $kver has ${option}=${value:-unset} (needs $values): $why" >&2
    missing=1
  fi
done
[[ $missing -eq 0 ]] || { echo "[vm:image] error: pick a kernel with these options (packages.txt)" >&2; exit 1; }
echo "[vm:image] guest kernel $kver: balloon with free page reporting, virtio disks"
