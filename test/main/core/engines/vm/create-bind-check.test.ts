// What a container create through the docker CLI binds, and the refusal when a host path is not shared.
import { describe, expect, it } from 'vitest';
import { bindSource, boundHostPaths, createRefusal } from '../../../../../main/core/engines/vm/create-bind-check';

const shares = { engineName: 'dev', folders: ['/home/me'] };
const body = (hostConfig: object) => Buffer.from(JSON.stringify({ Image: 'busybox', HostConfig: hostConfig }));

describe('a create body binds', () => {
  it('the host path of each Binds entry, never a named volume', () => {
    expect(bindSource('/home/me/src:/src:ro')).toBe('/home/me/src');
    expect(bindSource('/opt')).toBe('/opt');
    expect(bindSource('C:\\Users\\me:/src')).toBe('C:\\Users\\me');
    expect(bindSource('cache:/data')).toBeNull();
  });

  it('Binds and Mounts of type bind, nothing else', () => {
    const parsed = JSON.parse(
      body({
        Binds: ['/a:/a', 'vol:/v', 7],
        Mounts: [{ Type: 'bind', Source: '/b', Target: '/b' }, { Type: 'volume', Source: 'v', Target: '/v' }, null],
      }).toString(),
    );
    expect(boundHostPaths(parsed)).toEqual(['/a', '/b']);
    expect(boundHostPaths(null)).toEqual([]);
    expect(boundHostPaths({ HostConfig: 'x' })).toEqual([]);
  });
});

describe('the create refusal', () => {
  it('names the first path outside the shares and the setting', () => {
    const refusal = createRefusal(body({ Binds: ['/home/me/src:/src', '/opt/data:/data'] }), shares, 'linux');
    expect(refusal).toContain('The bind mount /opt/data is outside the folders the VM engine "dev" shares');
    expect(refusal).toContain('Shared folders setting: /home/me');
    expect(createRefusal(body({ Mounts: [{ Type: 'bind', Source: '/srv' }] }), shares, 'linux')).toContain('/srv');
  });

  it('lets through binds inside, volumes, and bodies that are not JSON (the engine answers those)', () => {
    expect(createRefusal(body({ Binds: ['/home/me/src:/src', 'cache:/c'] }), shares, 'linux')).toBeNull();
    expect(createRefusal(body({}), shares, 'linux')).toBeNull();
    expect(createRefusal(Buffer.from('{not json'), shares, 'linux')).toBeNull();
  });

  it('compares Windows paths in any spelling', () => {
    const windows = { engineName: 'dev', folders: ['C:\\Users\\me'] };
    expect(createRefusal(body({ Binds: ['/c/users/ME/src:/src'] }), windows, 'win32')).toBeNull();
    expect(createRefusal(body({ Binds: ['D:\\data:/data'] }), windows, 'win32')).toContain('D:\\data');
  });
});
