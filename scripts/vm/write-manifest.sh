#!/usr/bin/env bash
# Prints the image's manifest.json: what it was built from (suite, inputs hash), the versions that matter to
# users (kernel, engine, sshd) and each artifact's sha256 and size, so a download can be verified.
# Usage: write-manifest.sh ROOTFS ARTIFACT_DIR SUITE KERNEL_VERSION INPUTS_HASH
set -euo pipefail
rootfs="$1"
art="$2"
suite="$3"
kver="$4"
inputs="$5"

version() { dpkg-query --admindir="$rootfs/var/lib/dpkg" -W -f='${Version}' "$1"; }

printf '{\n'
printf '  "suite": "%s",\n  "arch": "amd64",\n  "inputsHash": "%s",\n  "builtAt": "%s",\n' \
  "$suite" "$inputs" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '  "versions": { "kernel": "%s", "kernelPackage": "%s", "docker": "%s", "containerd": "%s", "openssh": "%s" },\n' \
  "$kver" "$(version "linux-image-$kver")" "$(version docker.io)" "$(version containerd)" "$(version openssh-server)"
printf '  "boot": { "kernel": "vmlinux", "kernelCompressed": "vmlinuz", "initrd": "initrd", "osDisk": "os.img.zst", "wslRootfs": "rootfs.tar.zst" },\n'
printf '  "artifacts": {\n'
first=1
for f in vmlinuz vmlinux initrd os.img.zst rootfs.tar.zst; do
  [[ $first -eq 1 ]] || printf ',\n'
  first=0
  printf '    "%s": { "sha256": "%s", "size": %s }' "$f" "$(sha256sum "$art/$f" | cut -d' ' -f1)" "$(stat -c %s "$art/$f")"
done
printf '\n  }\n}\n'
