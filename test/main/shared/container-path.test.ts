// Container paths as the Files channels take them: normalised from `/`, joined, split into parent and name;
// and the request schemas' refusals.
import { describe, expect, it } from 'vitest';
import { containerPath, filesChannels } from '../../../main/shared/channels/files-channels';
import { baseName, joinContainerPath, normalizeContainerPath, parentPath } from '../../../main/shared/container-path';

describe('normalizeContainerPath', () => {
  it('resolves . and .. from / and drops extra slashes', () => {
    expect(normalizeContainerPath('/a/./b/../c/')).toBe('/a/c');
    expect(normalizeContainerPath('/../../etc')).toBe('/etc');
    expect(normalizeContainerPath('//')).toBe('/');
    expect(normalizeContainerPath('/..')).toBe('/');
  });

  it('joins and splits', () => {
    expect(joinContainerPath('/', 'etc')).toBe('/etc');
    expect(joinContainerPath('/etc', 'passwd')).toBe('/etc/passwd');
    expect(baseName('/etc/passwd')).toBe('passwd');
    expect(parentPath('/etc/ssl/certs')).toBe('/etc/ssl');
    expect(parentPath('/etc')).toBe('/');
    expect(parentPath('/')).toBe('/');
  });
});

describe('files schemas', () => {
  it('takes absolute paths only, without NUL', () => {
    expect(containerPath.parse('/etc/../var')).toBe('/var');
    expect(containerPath.safeParse('etc').success).toBe(false);
    expect(containerPath.safeParse('/a\0b').success).toBe(false);
    expect(containerPath.safeParse(`/${'a'.repeat(5000)}`).success).toBe(false);
  });

  it('refuses upload names with folders, duplicates and an upload over the cap', () => {
    const upload = filesChannels['files:upload'].request;
    const request = (files: { name: string; base64: string }[]) => ({ id: 'c', folder: '/tmp', files });
    expect(upload.safeParse(request([{ name: 'a.txt', base64: 'YQ==' }])).success).toBe(true);
    expect(upload.safeParse(request([{ name: '../x', base64: '' }])).success).toBe(false);
    expect(
      upload.safeParse(
        request([
          { name: 'a', base64: '' },
          { name: 'a', base64: '' },
        ]),
      ).success,
    ).toBe(false);
    const big = upload.safeParse(request([{ name: 'big', base64: 'A'.repeat(800 * 1024) }]));
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]?.message).toContain('at most 525 KiB');
  });
});
