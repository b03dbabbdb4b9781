#!/usr/bin/env bash
# Builds the guest's tiny initrd: Debian's static busybox, the virtio_pci, virtio_blk and ext4 modules with their
# dependencies (decompressed, so busybox insmod loads them as is) and guest/initrd-init as /init. An uncompressed
# cpio: a few MB, and nothing for the kernel to inflate under software emulation.
# Usage: make-initrd.sh ROOTFS KERNEL_VERSION OUT
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rootfs="$1"
kver="$2"
out="$3"

tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/{bin,dev,proc,sys,newroot,modules}
cp "$rootfs/bin/busybox" "$tree/bin/busybox"
for applet in sh mount umount insmod sleep cat mkdir ln switch_root; do
  ln -s busybox "$tree/bin/$applet"
done
install -m 0755 "$here/guest/initrd-init" "$tree/init"

# The guest's own modprobe (the host may have none) prints "insmod PATH" in load order (softdeps such as ext4's
# crc32c included) and "builtin NAME" for what the kernel already has.
deps="$(chroot "$rootfs" modprobe -S "$kver" --show-depends -a virtio_pci virtio_blk ext4)"
: >"$tree/modules.list"
while read -r kind path _; do
  [[ "$kind" == insmod ]] || continue
  name="$(basename "$path")"
  name="${name%.xz}"
  name="${name%.zst}"
  [[ -e "$tree/modules/$name" ]] && continue
  case "$path" in
    *.xz) xz -dc "$rootfs$path" >"$tree/modules/$name" ;;
    *.zst) zstd -dcq "$rootfs$path" >"$tree/modules/$name" ;;
    *) cp "$rootfs$path" "$tree/modules/$name" ;;
  esac
  echo "$name" >>"$tree/modules.list"
done <<<"$deps"
[[ -s "$tree/modules.list" ]] || { echo "[vm:image] no initrd modules found for $kver" >&2; exit 1; }

echo "[vm:image] initrd modules: $(paste -sd' ' "$tree/modules.list")"
(cd "$tree" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet) >"$out"
