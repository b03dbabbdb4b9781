#!/usr/bin/env bash
# Removes what the guest never uses: docs, man pages, locales, apt's lists and caches, the stock initramfs
# (our own initrd replaces it) and kernel modules for hardware a QEMU guest does not have.
# Usage: trim-rootfs.sh ROOTFS KERNEL_VERSION
set -euo pipefail
rootfs="$1"
kver="$2"

rm -rf "$rootfs"/usr/share/{doc,man,info,lintian,linda}/* "$rootfs"/usr/share/locale/* \
  "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/log/* "$rootfs"/boot/initrd.img* "$rootfs"/tmp/* "$rootfs"/root/.bash_history

mods="$rootfs/lib/modules/$kver/kernel"
rm -rf "$mods"/sound "$mods"/net/{wireless,mac80211,bluetooth} \
  "$mods"/drivers/{gpu,media,staging,infiniband,iio,bluetooth,isdn,net/wireless,net/ethernet,net/can,usb,hid,input/joystick,input/touchscreen,scsi,ata,mmc,nfc,thunderbolt,platform/x86,hwmon,edac,leds,mtd,video}
# modules.dep must match what is left, or modprobe would look for files that are gone.
chroot "$rootfs" depmod "$kver"
