import { describe, expect, it } from 'vitest';
import { refusalHint } from '../../../../main/core/limits/engine-refusal';

describe('refusalHint', () => {
  it('pairs each kind of engine refusal with what the user can do', () => {
    expect(refusalHint('unable to set memory limit to 10485760 (current usage: 41943040)')).toMatch(/above what the container uses/);
    expect(refusalHint('Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set')).toMatch(/recreate it/);
    expect(refusalHint('Restart policy cannot be updated because AutoRemove is enabled')).toMatch(/--rm/);
    expect(refusalHint('Requested CPUs are not available - requested 3, available: 0-1')).toBe('Pick only cores the engine has.');
    expect(refusalHint('Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available')).toMatch(/range the engine names/);
    expect(refusalHint('updating pids limit is not implemented')).toMatch(/recreate the container/);
    expect(refusalHint('something else entirely')).toBe('Check the values and try again.');
  });
});
