#!/usr/bin/env bash
# Puts the VM image where electron-builder takes extra resources from (dist/vm → resources/vm in the app):
# builds it, or reuses the cached build, then copies the artifacts the app boots and the manifest.
set -euo pipefail
here="$(cd "$(dirname "$0")/vm" && pwd)"
dest="${1:-dist/vm}"
output="$(bash "$here/build-image.sh")"
dir="$(printf '%s\n' "$output" | sed -n -E 's/.*(done in [0-9]+ s|cached): ([^ ]+).*/\2/p' | tail -1)"
if [[ -z "$dir" || ! -f "$dir/manifest.json" ]]; then
  echo "[stage-vm-image] could not find the image folder in build-image.sh's output" >&2
  exit 1
fi
rm -rf "$dest"
mkdir -p "$dest"
cp "$dir/manifest.json" "$dir/initrd" "$dir/os.img.zst" "$dest/"
for kernel in vmlinux vmlinuz; do
  if [[ -f "$dir/$kernel" ]]; then cp "$dir/$kernel" "$dest/"; fi
done
echo "[stage-vm-image] staged $dir in $dest"
