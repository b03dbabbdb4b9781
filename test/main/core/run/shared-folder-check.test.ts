// Bind mounts on a VM engine must lie in its shared folders; other engines and volumes are not checked.
import { describe, expect, it } from 'vitest';
import { bindOutsideSharesError, isShared } from '../../../../main/core/run/shared-folder-check';
import type { MountSpec } from '../../../../main/shared/run-types';

const bind = (source: string): MountSpec => ({ type: 'bind', source, target: '/src', readOnly: false });

describe('the shared folder check', () => {
  it('accepts a folder, anything below it, and nothing that only shares its prefix', () => {
    expect(isShared('/home/me', ['/home/me'])).toBe(true);
    expect(isShared('/home/me/src/app', ['/home/me/'])).toBe(true);
    expect(isShared('/home/me/../other', ['/home/me'])).toBe(false);
    expect(isShared('/home/meow', ['/home/me'])).toBe(false);
    expect(isShared('/etc', ['/'])).toBe(true);
    expect(isShared('/etc', [])).toBe(false);
  });

  it('names the first bind mount outside, the engine and its setting', () => {
    const error = bindOutsideSharesError([bind('/home/me/src'), bind('/opt/data')], {
      engineName: 'dev',
      folders: ['/home/me'],
    });
    expect(error?.code).toBe('CONFLICT');
    expect(error?.message).toContain('/opt/data is outside the folders the VM engine "dev" shares');
    expect(error?.message).toContain('Shared folders setting: /home/me');
    expect(error?.message).toContain("Add the folder to that engine's Shared folders (on Berth's Engine page");
  });

  it('passes volumes, binds inside, and engines that are not VMs', () => {
    const volume: MountSpec = { type: 'volume', source: 'cache', target: '/cache', readOnly: false };
    expect(
      bindOutsideSharesError([volume, bind('/home/me/x')], { engineName: 'dev', folders: ['/home/me'] }),
    ).toBeNull();
    expect(bindOutsideSharesError([bind('/opt/data')], null)).toBeNull();
  });

  it('says "none" when the engine shares nothing', () => {
    const error = bindOutsideSharesError([bind('/home/me')], { engineName: 'dev', folders: [] });
    expect(error?.message).toContain('Shared folders setting: none');
  });
});
