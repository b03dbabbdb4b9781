// Berth's window never runs as root: Chromium cannot sandbox a root process, so every page (and any bug in
// one) would hold root's power over the machine. The engine is what needs privileges, and it gets them on its
// own (rootless, or the privileged helper that only starts and stops Berth's dockerd). The one exception is a
// throwaway CI container where only root exists (BERTH_ALLOW_ROOT=1, which the Electron suite sets there).

export interface RootCheckFacts {
  /** process.getuid?.(): undefined on Windows, where the check does not apply. */
  uid: number | undefined;
  env: NodeJS.ProcessEnv;
}

/** The message to print and exit with, or null when Berth may start. */
export function rootRefusal({ uid, env }: RootCheckFacts): string | null {
  if (uid !== 0 || env.BERTH_ALLOW_ROOT === '1') return null;
  const user = env.SUDO_USER && env.SUDO_USER !== 'root' ? env.SUDO_USER : null;
  return [
    'Berth does not run as root: Chromium cannot sandbox a root process, so every page would act with root’s power.',
    user
      ? `Run it as ${user}, without sudo: just \`berth\`.`
      : 'Run it as your own user (not with sudo), e.g. log in as that user and run `berth`.',
    'Berth’s engine gets the privileges it needs by itself: it runs rootless, or through Berth’s helper, which only',
    'starts and stops Berth’s dockerd (see the Engine page).',
  ].join('\n');
}
