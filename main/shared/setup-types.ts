// What the first-run page offers a machine without an engine: the ways to get one on this system.

export interface SetupOptions {
  /** "Debian GNU/Linux 12 (bookworm)", "macOS", "Windows"; null when unknown. */
  systemName: string | null;
  /** The distribution's own engine: the exact command to install and start it; null where there is none to offer. */
  distroEngine: { name: string; command: string } | null;
  /** Berth runs its own dockerd (Linux, dockerd installed); else why not. */
  berthEngine: { available: boolean; reason: string | null };
  /** A Berth VM: whether it can run here, what it needs when it cannot, and how long its first start takes. */
  vm: { available: boolean; needs: string | null; firstStart: string };
}
