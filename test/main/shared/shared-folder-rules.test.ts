// What the shared folders setting may hold, checked at the IPC boundary: absolute, no duplicates, no nesting,
// nothing covering the guest's system folders; the contract's request refuses each with that sentence.
import { describe, expect, it } from 'vitest';
import { channels } from '../../../main/shared/contract';
import { sharedFoldersProblem } from '../../../main/shared/shared-folder-rules';

describe('the shared folders rules', () => {
  it('accepts separate absolute folders, and none at all', () => {
    expect(sharedFoldersProblem(['/home/me', '/srv/src', '/tmp/work'], 'linux')).toBeNull();
    expect(sharedFoldersProblem([], 'linux')).toBeNull();
  });

  it('names a relative path, a duplicate, and a folder nested either way', () => {
    expect(sharedFoldersProblem(['src'], 'linux')).toBe('src is not an absolute path.');
    expect(sharedFoldersProblem(['/home/me', '/home/me/'], 'linux')).toBe('/home/me/ is listed twice.');
    expect(sharedFoldersProblem(['/home/me', '/home/me/src'], 'linux')).toContain('inside /home/me');
    expect(sharedFoldersProblem(['/home/me/src', '/home/me'], 'linux')).toContain('/home/me/src is inside /home/me');
    expect(sharedFoldersProblem(['C:\\Users\\Me', 'c:/users/me'], 'win32')).toBe('c:/users/me is listed twice.');
  });

  it("refuses what would cover the guest's own system folders", () => {
    for (const folder of ['/', '/etc', '/usr', '/var', '/var/lib', '/var/lib/docker'])
      expect(sharedFoldersProblem([folder], 'linux'), folder).toMatch(/would cover the VM's own/);
    expect(sharedFoldersProblem(['/var/lib/docker/volumes/x'], 'linux')).toMatch(
      /inside the VM's own \/var\/lib\/docker/,
    );
    expect(sharedFoldersProblem(['/proc/1'], 'linux')).toMatch(/inside the VM's own \/proc/);
  });

  it('is what the engines:vm-shared-folders request checks', () => {
    const schema = channels['engines:vm-shared-folders'].request;
    expect(schema.safeParse({ id: 'vm-dev', folders: ['/home/me'] }).success).toBe(true);
    const nested = schema.safeParse({ id: 'vm-dev', folders: ['/home/me', '/home/me/src'] });
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0].message).toContain('already shared');
    expect(schema.safeParse({ id: 'vm-dev', folders: ['/home/me'], extra: 1 }).success).toBe(false);
  });
});
