#!/usr/bin/env bash
# Builds Berth's VM guest (Debian, shell PID 1, docker engine) offline from Debian's archive with debootstrap,
# into $BERTH_VM_CACHE (default ~/.cache/berth/vm)/<hash of the recipe's inputs>/: vmlinuz, vmlinux (the same
# kernel uncompressed, for a PVH direct boot), initrd, os.img.zst, rootfs.tar.zst (WSL2) and manifest.json.
# Same inputs → the cached folder is reused. Linux host, root. Usage: build-image.sh [--out DIR] [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite=bookworm
mirror="${BERTH_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
out_root="${BERTH_VM_CACHE:-$HOME/.cache/berth/vm}"
force=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out_root="$2"; shift 2 ;;
    --force) force=1; shift ;;
    *) echo "usage: $0 [--out DIR] [--force]" >&2; exit 2 ;;
  esac
done

started=$SECONDS
log() { printf '[vm:image] %4ss %s\n' "$((SECONDS - started))" "$*"; }
die() { log "error: $*" >&2; exit 1; }

[[ "$(uname -s)" == Linux ]] || die "the image builds on a Linux host only"
[[ "$(id -u)" -eq 0 ]] || die "debootstrap and mkfs need root: run as root (sudo npm run vm:image)"
for tool in debootstrap mkfs.ext4 zstd sha256sum cpio xz; do
  command -v "$tool" >/dev/null || die "$tool missing: apt-get install -y debootstrap e2fsprogs zstd cpio xz-utils"
done

packages="$(grep -v '^\s*#' "$here/packages.txt" | grep -v '^\s*$' | paste -sd, -)"
# The hash covers every recipe file (this script, helpers, guest scripts, package list) and the suite; the
# mirror is left out because any Debian mirror serves the same packages.
inputs_hash="$(
  {
    printf 'suite=%s\npackages=%s\n' "$suite" "$packages"
    (cd "$here" && find . -type f -print | LC_ALL=C sort | while read -r f; do printf '%s\n' "$f"; cat "$f"; done)
  } | sha256sum | cut -c1-16
)"
out="$out_root/$inputs_hash"

if [[ $force -eq 0 && -f "$out/manifest.json" ]]; then
  log "cached: $out (inputs $inputs_hash)"
  ls -l "$out"
  exit 0
fi

mkdir -p "$out_root"
work="$(mktemp -d "$out_root/.build-$inputs_hash.XXXXXX")"
cleanup() {
  # debootstrap leaves /proc and friends mounted in the chroot when it fails half-way.
  for m in proc sys dev/pts dev; do umount -l "$work/rootfs/$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
rootfs="$work/rootfs"
art="$work/out"
mkdir -p "$art"

log "debootstrap $suite (minbase) + $packages"
debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

kver="$(basename "$(ls -d "$rootfs"/lib/modules/* | head -1)")"
bash "$here/check-kernel-config.sh" "$rootfs" "$kver"
log "kernel $kver; configuring the guest"
bash "$here/configure-rootfs.sh" "$rootfs" "$kver"

log "kernel and initrd"
cp "$rootfs/boot/vmlinuz-$kver" "$art/vmlinuz"
bash "$here/extract-vmlinux.sh" "$art/vmlinuz" "$art/vmlinux"
bash "$here/make-initrd.sh" "$rootfs" "$kver" "$art/initrd"

log "trimming"
bash "$here/trim-rootfs.sh" "$rootfs" "$kver"

used_mb="$(du -sm "$rootfs" | cut -f1)"
# Headroom for logs and an apt-get in the guest; the engine's data lives on the separate data disk.
img_mb=$((used_mb * 5 / 4 + 256))
log "os.img: ${used_mb} MB used, ${img_mb} MB disk"
mkfs.ext4 -q -F -L berth-os -d "$rootfs" "$work/os.img" "${img_mb}M"
zstd -q -T0 -10 --rm "$work/os.img" -o "$art/os.img.zst"

log "rootfs.tar.zst"
tar --numeric-owner --xattrs --xattrs-include='*' -C "$rootfs" -cf - . | zstd -q -T0 -10 -o "$art/rootfs.tar.zst"

log "manifest"
bash "$here/write-manifest.sh" "$rootfs" "$art" "$suite" "$kver" "$inputs_hash" >"$art/manifest.json"

rm -rf "$out"
mv "$art" "$out"
log "done in $((SECONDS - started)) s: $out"
ls -l "$out"
