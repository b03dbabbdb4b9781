import { describe, expect, it } from 'vitest';
import { refusalHint } from '../../../../main/core/limits/engine-refusal';

describe('refusalHint', () => {
  it('pairs each kind of engine refusal with what the user can do', () => {
    expect(refusalHint('unable to set memory limit to 10485760 (current usage: 41943040)')).toMatch(
      /above what the container uses/,
    );
    expect(refusalHint('Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set')).toMatch(
      /recreate it/,
    );
    expect(refusalHint('Restart policy cannot be updated because AutoRemove is enabled')).toMatch(/--rm/);
    expect(refusalHint('Requested CPUs are not available - requested 3, available: 0-1')).toBe(
      'Pick only cores the engine has.',
    );
    expect(refusalHint('Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available')).toMatch(
      /range the engine names/,
    );
    expect(refusalHint('updating pids limit is not implemented')).toMatch(/recreate the container/);
    // Podman 4.3 passes on only runc's command line and exit status (measured: memory below current use).
    expect(refusalHint('`/usr/bin/runc update --resources=/tmp/x/podman123 3f0c` failed: exit status 1')).toMatch(
      /Podman does not pass on why.*above its current use/,
    );
    expect(refusalHint('something else entirely')).toBe('Check the values and try again.');
  });
});
