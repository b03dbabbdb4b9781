// A test-only way to make the running core fail as a bug would: with `BERTH_TEST_FAULTS=1` in its
// environment, SIGUSR2 throws an error nothing catches and rejects a promise nobody awaits, so the crash
// policy (crash-policy.ts) is tested against a real `berth serve` process. Without the variable nothing is
// installed and SIGUSR2 keeps its default meaning.

export function installFaultHook(env: NodeJS.ProcessEnv): void {
  if (env.BERTH_TEST_FAULTS !== '1') return;
  process.on('SIGUSR2', () => {
    setImmediate(() => {
      throw new Error('[test] injected fault: an uncaught exception');
    });
    void Promise.reject(new Error('[test] injected fault: an unhandled rejection'));
  });
}
