// What the first-run page offers a machine without an engine: the ways to get one on this system.

export interface SetupOptions {
  /** "Debian GNU/Linux 12 (bookworm)", "macOS", "Windows"; null when unknown. */
  systemName: string | null;
  /** The distribution's own engine: the exact command to install and start it, and whether Berth's installer can
   * run it for you (setup:install-engine); null where there is none to offer. */
  distroEngine: { name: string; command: string; install: InstallOffer } | null;
  /** Berth runs its own dockerd (Linux, dockerd installed); else why not. */
  berthEngine: { available: boolean; reason: string | null };
  /** A Berth VM: whether it can run here, what it needs when it cannot, and how long its first start takes. */
  vm: { available: boolean; needs: string | null; firstStart: string };
}

/** Whether the first-run page's Install button can run the command: through pkexec (a password dialog), sudo (a
 * rule without a password) or directly (Berth runs as root); else why not, in words to show beside the command. */
export type InstallOffer = { available: true; via: 'pkexec' | 'sudo' | 'root' } | { available: false; reason: string };

/** setup:cancel-install's answer: whether the running install was asked to stop, and what happens next. */
export interface InstallCancelResult {
  cancelled: boolean;
  message: string;
}
