// The docker-run preview: quoting, each flag in its stable order, and the entrypoint split the CLI requires.
import { describe, expect, it } from 'vitest';
import {
  bytesFlag,
  cpusFlag,
  dockerRunArgs,
  dockerRunCommand,
  mountFlag,
  portFlag,
  shellQuote,
} from '../../../main/shared/docker-run-command';
import { emptyRunSpec } from '../../../main/shared/run-spec';
import type { RunSpec } from '../../../main/shared/run-types';

const spec = (patch: Partial<RunSpec> = {}): RunSpec => ({ ...emptyRunSpec('nginx:1.27'), ...patch });

describe('shellQuote', () => {
  it('leaves safe words bare and single-quotes the rest', () => {
    expect(shellQuote('nginx:1.27')).toBe('nginx:1.27');
    expect(shellQuote('A=b,c/d@e%f+g')).toBe('A=b,c/d@e%f+g');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('hello world')).toBe("'hello world'");
    expect(shellQuote('$HOME `x` "y" \\z *')).toBe('\'$HOME `x` "y" \\z *\'');
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('line\nbreak')).toBe("'line\nbreak'");
  });
});

describe('flag values', () => {
  it('writes -p as [ip:][hostPort:]containerPort[/proto], leaving out /tcp', () => {
    expect(portFlag({ containerPort: 80, protocol: 'tcp', hostPort: null, hostIp: null })).toBe('80');
    expect(portFlag({ containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: null })).toBe('8080:80');
    expect(portFlag({ containerPort: 53, protocol: 'udp', hostPort: 5353, hostIp: null })).toBe('5353:53/udp');
    expect(portFlag({ containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: '127.0.0.1' })).toBe(
      '127.0.0.1:8080:80',
    );
    expect(portFlag({ containerPort: 80, protocol: 'sctp', hostPort: null, hostIp: '127.0.0.1' })).toBe(
      '127.0.0.1::80/sctp',
    );
    expect(portFlag({ containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: '::1' })).toBe('[::1]:8080:80');
    expect(portFlag({ containerPort: 80, protocol: 'tcp', hostPort: null, hostIp: '127.0.0.1' })).toBe('127.0.0.1::80');
    expect(portFlag({ containerPort: 80, protocol: 'tcp', hostPort: null, hostIp: '0.0.0.0' })).toBe('0.0.0.0::80');
  });

  it('writes --mount as CSV, quoting fields with commas or quotes', () => {
    expect(mountFlag({ type: 'bind', source: '/srv/data', target: '/data', readOnly: true })).toBe(
      'type=bind,source=/srv/data,target=/data,readonly',
    );
    expect(mountFlag({ type: 'volume', source: 'cache', target: '/cache', readOnly: false })).toBe(
      'type=volume,source=cache,target=/cache',
    );
    expect(mountFlag({ type: 'bind', source: '/a,b', target: '/say "hi"', readOnly: false })).toBe(
      'type=bind,"source=/a,b","target=/say ""hi"""',
    );
  });

  it('writes bytes in the largest exact unit and CPUs exactly', () => {
    expect(bytesFlag(64 * 1024 * 1024)).toBe('64m');
    expect(bytesFlag(2 * 1024 ** 3)).toBe('2g');
    expect(bytesFlag(1536 * 1024)).toBe('1536k');
    expect(bytesFlag(6_500_001)).toBe('6500001b');
    expect(bytesFlag(-1)).toBe('-1');
    expect(cpusFlag(500_000_000)).toBe('0.5');
    expect(cpusFlag(2_000_000_000)).toBe('2');
    expect(cpusFlag(1_250_000_001)).toBe('1.250000001');
  });
});

describe('dockerRunCommand', () => {
  it('is just the image for an empty spec', () => {
    expect(dockerRunCommand(spec())).toBe('docker run -d nginx:1.27');
    expect(dockerRunCommand(spec(), { program: '/usr/bin/docker' })).toBe('/usr/bin/docker run -d nginx:1.27');
  });

  it('puts every flag in its stable order, then the image, then the command', () => {
    const full = spec({
      name: 'web',
      entrypoint: ['/bin/sh'],
      command: ['-c', 'echo "$GREETING" && sleep 1d'],
      env: [
        { key: 'GREETING', value: "it's me" },
        { key: 'EMPTY', value: '' },
      ],
      ports: [{ containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: null }],
      publishAll: true,
      mounts: [{ type: 'volume', source: 'cache', target: '/cache', readOnly: false }],
      network: 'backend',
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      labels: [{ key: 'team', value: 'web ops' }],
      limits: {
        cpus: 1.5,
        cpuShares: 512,
        cpusetCpus: '0-1',
        memoryBytes: 256 * 1024 ** 2,
        memoryReservationBytes: 128 * 1024 ** 2,
        memorySwapBytes: 512 * 1024 ** 2,
        pidsLimit: 100,
      },
    });
    expect(dockerRunCommand(full)).toBe(
      [
        'docker run -d --name web --entrypoint /bin/sh',
        "-e 'GREETING=it'\\''s me' -e EMPTY=",
        '-p 8080:80 -P --mount type=volume,source=cache,target=/cache --network backend --restart on-failure:3',
        "--label 'team=web ops'",
        '--cpus 1.5 --cpu-shares 512 --cpuset-cpus 0-1 --memory 256m --memory-reservation 128m --memory-swap 512m --pids-limit 100',
        'nginx:1.27 -c \'echo "$GREETING" && sleep 1d\'',
      ].join(' '),
    );
  });

  it('gives --entrypoint one word and the rest of a longer entrypoint before the command', () => {
    expect(dockerRunArgs(spec({ entrypoint: ['/bin/sh', '-c'], command: ['echo hi'] })).slice(2)).toEqual([
      '--entrypoint',
      '/bin/sh',
      'nginx:1.27',
      '-c',
      'echo hi',
    ]);
    expect(dockerRunArgs(spec({ entrypoint: ['/bin/sh', '-c', 'sleep 5'], command: null })).slice(2)).toEqual([
      '--entrypoint',
      '/bin/sh',
      'nginx:1.27',
      '-c',
      'sleep 5',
    ]);
    // An empty entrypoint clears the image's, as `--entrypoint ''` does.
    expect(dockerRunCommand(spec({ entrypoint: [], command: ['ls'] }))).toBe(
      "docker run -d --entrypoint '' nginx:1.27 ls",
    );
  });

  it('writes restart policies as the CLI reads them', () => {
    expect(dockerRunCommand(spec({ restartPolicy: { name: 'always', maximumRetryCount: 0 } }))).toBe(
      'docker run -d --restart always nginx:1.27',
    );
    expect(dockerRunCommand(spec({ restartPolicy: { name: 'on-failure', maximumRetryCount: 0 } }))).toBe(
      'docker run -d --restart on-failure nginx:1.27',
    );
    expect(dockerRunCommand(spec({ restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 } }))).toBe(
      'docker run -d --restart unless-stopped nginx:1.27',
    );
  });

  it('makes swap unlimited with -1 only beside a memory limit, and leaves null limits out', () => {
    expect(dockerRunCommand(spec({ limits: { memoryBytes: 64 * 1024 ** 2, memorySwapBytes: null } }))).toBe(
      'docker run -d --memory 64m --memory-swap -1 nginx:1.27',
    );
    expect(dockerRunCommand(spec({ limits: { memoryBytes: 64 * 1024 ** 2 } }))).toBe(
      'docker run -d --memory 64m nginx:1.27',
    );
    expect(
      dockerRunCommand(
        spec({ limits: { memorySwapBytes: null, cpus: null, pidsLimit: null, cpuShares: null, cpusetCpus: null } }),
      ),
    ).toBe('docker run -d nginx:1.27');
  });
});
