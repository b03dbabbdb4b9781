import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  detectCgroupVersion,
  findCgroupDirs,
  parseProcCgroup,
} from '../../../../../main/core/stats/cgroup/cgroup-paths';
import { CollectorUnavailableError } from '../../../../../main/core/stats/collector';
import { createFixture, type CgroupFixture } from './cgroup-fixture';

const id = 'a'.repeat(64);
let fixture: CgroupFixture;

beforeEach(() => {
  fixture = createFixture();
});

afterEach(() => fixture.remove());

function dir(relative: string): void {
  fixture.cgroupFile(`${relative}/.keep`, '');
}

describe('parseProcCgroup', () => {
  it('splits v1, named and v2 lines; a path may hold colons', () => {
    expect(parseProcCgroup('3:cpu,cpuacct:/docker/x\n1:name=systemd:/a:b\n0::/\n')).toEqual([
      { hierarchy: '3', controllers: ['cpu', 'cpuacct'], path: '/docker/x' },
      { hierarchy: '1', controllers: ['name=systemd'], path: '/a:b' },
      { hierarchy: '0', controllers: [], path: '/' },
    ]);
  });
});

describe('findCgroupDirs', () => {
  it('v1 cgroupfs with separate mounts (this machine: /sys/fs/cgroup/{cpu,cpuacct,memory,...}/docker/<id>)', () => {
    for (const controller of ['cpu', 'cpuacct', 'memory', 'pids', 'blkio']) dir(`${controller}/docker/${id}`);
    const text = [
      '9:pids:/docker/ID',
      '7:blkio:/docker/ID',
      '4:memory:/docker/ID',
      '2:cpuacct:/docker/ID',
      '1:cpu:/docker/ID',
      '0::/docker/ID',
      '',
    ]
      .join('\n')
      .replaceAll('ID', id);
    const root = fixture.cgroupRoot;
    expect(findCgroupDirs(text, { cgroupRoot: root, version: '1', containerId: id })).toEqual({
      version: 1,
      cpuacct: `${root}/cpuacct/docker/${id}`,
      memory: `${root}/memory/docker/${id}`,
      cpu: `${root}/cpu/docker/${id}`,
      pids: `${root}/pids/docker/${id}`,
      blkio: `${root}/blkio/docker/${id}`,
    });
  });

  it('v1 with a combined cpu,cpuacct mount and the systemd driver under a custom parent', () => {
    const path = `/my.slice/my-parent.slice/docker-${id}.scope`;
    dir(`cpu,cpuacct${path}`);
    dir(`memory${path}`);
    const text = `5:memory:${path}\n3:cpu,cpuacct:${path}\n1:name=systemd:${path}\n`;
    const found = findCgroupDirs(text, { cgroupRoot: fixture.cgroupRoot, version: '1', containerId: id });
    expect(found).toMatchObject({
      version: 1,
      cpuacct: `${fixture.cgroupRoot}/cpu,cpuacct${path}`,
      cpu: `${fixture.cgroupRoot}/cpu,cpuacct${path}`,
      memory: `${fixture.cgroupRoot}/memory${path}`,
      // Controllers the kernel or the engine does not provide are simply not read.
      pids: null,
      blkio: null,
    });
  });

  it('v2 under the systemd driver', () => {
    const path = `/system.slice/docker-${id}.scope`;
    fixture.cgroupFile('cgroup.controllers', 'cpu memory\n');
    fixture.cgroupFile(`${path}/cpu.stat`, 'usage_usec 1\n');
    fixture.cgroupFile(`${path}/memory.current`, '1\n');
    expect(findCgroupDirs(`0::${path}\n`, { cgroupRoot: fixture.cgroupRoot, version: '2', containerId: id })).toEqual({
      version: 2,
      dir: `${fixture.cgroupRoot}${path}`,
    });
    // Without the engine's word, the mounted hierarchy tells.
    expect(detectCgroupVersion(fixture.cgroupRoot)).toBe('2');
    expect(
      findCgroupDirs(`0::${path}\n`, { cgroupRoot: fixture.cgroupRoot, version: '', containerId: id }),
    ).toMatchObject({ version: 2 });
  });

  it('refuses a cgroup that does not name the container (a pid from another machine or namespace)', () => {
    dir('memory/docker/other');
    dir('cpuacct/docker/other');
    const attempt = () =>
      findCgroupDirs('4:memory:/docker/other\n2:cpuacct:/docker/other\n', {
        cgroupRoot: fixture.cgroupRoot,
        version: '1',
        containerId: id,
      });
    expect(attempt).toThrow(CollectorUnavailableError);
    expect(attempt).toThrow(/does not name the container/);
    fixture.cgroupFile('cgroup.controllers', 'cpu\n');
    expect(() => findCgroupDirs('0::/\n', { cgroupRoot: fixture.cgroupRoot, version: '2', containerId: id })).toThrow(
      /does not name the container/,
    );
  });

  it('says what is missing when the directories are not under this root', () => {
    const text = `4:memory:/docker/${id}\n2:cpuacct:/docker/${id}\n`;
    expect(() => findCgroupDirs(text, { cgroupRoot: fixture.cgroupRoot, version: '1', containerId: id })).toThrow(
      /not under/,
    );
    expect(() =>
      findCgroupDirs(`4:memory:/docker/${id}\n`, { cgroupRoot: fixture.cgroupRoot, version: '1', containerId: id }),
    ).toThrow(/no cpuacct cgroup/);
  });
});
