// The WSL2 backend's state machine, driven by a scripted wsl.exe (no Windows here): import on first start,
// the key authorized, the host key read through wsl.exe, the engine awaited over SSH; a graceful stop and one
// past its deadline (both end with --terminate); a wsl.exe that exits early; WSL missing; a WSL 1 distribution.
import { describe, expect, it } from 'vitest';
import type { WslResult } from '../../../../../../main/core/engines/vm/backend/wsl-backend';
import { WslBackend, wslRunner, type WslBackendDeps } from '../../../../../../main/core/engines/vm/backend/wsl-backend';
import { UnsupportedByBackend } from '../../../../../../main/core/engines/vm/backend/vm-backend';
import { fakeSpawner } from './fake-child';

const LIST_HEADER = '  NAME      STATE      VERSION\r\n';

function ok(stdout = '', encoding: BufferEncoding = 'utf8'): WslResult {
  return { code: 0, stdout: Buffer.from(stdout, encoding), stderr: Buffer.alloc(0) };
}

function setup(options: { listed?: WslResult; stopScript?: () => Promise<WslResult> } = {}) {
  const { spawn, children } = fakeSpawner();
  const calls: string[] = [];
  const stdins: string[] = [];
  const notes: string[] = [];
  const states: string[] = [];
  let hostKeyReady = false;
  let engineUp = false;
  let imported = false;
  const run: WslBackendDeps['run'] = (args, stdin) => {
    calls.push(args.join(' '));
    if (stdin !== undefined) stdins.push(stdin);
    if (args[0] === '--list')
      return Promise.resolve(
        options.listed ??
          ok(`${LIST_HEADER}${imported ? '  berth-dev  Stopped    2\r\n' : ''}* Ubuntu    Running    2\r\n`, 'utf16le'),
      );
    if (args[0] === '--import') {
      imported = true;
      return Promise.resolve(
        ok('Import in progress, this may take a few minutes.\r\nThe operation completed successfully.\r\n', 'utf16le'),
      );
    }
    if (args[0] === '--terminate') return Promise.resolve(ok('The operation completed successfully.\r\n', 'utf16le'));
    const command = args.slice(args.indexOf('--exec') + 1);
    if (command[0] === 'cat')
      return Promise.resolve(
        hostKeyReady
          ? ok('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey root@berth\n')
          : {
              code: 1,
              stdout: Buffer.alloc(0),
              stderr: Buffer.from('cat: /etc/ssh/ssh_host_ed25519_key.pub: No such file'),
            },
      );
    if (command[0] === '/usr/local/sbin/berth-wsl-stop') return options.stopScript?.() ?? Promise.resolve(ok());
    return Promise.resolve(ok());
  };
  const backend = new WslBackend({
    wslExe: 'C:\\Windows\\System32\\wsl.exe',
    distro: 'berth-dev',
    installDir: 'C:\\Users\\me\\AppData\\Local\\berth\\vms\\dev',
    rootfsTar: 'C:\\cache\\rootfs.tar.gz',
    sshPort: () => Promise.resolve(41022),
    publicKey: () => Promise.resolve('ssh-ed25519 AAAAmachine berth-vm-dev\n'),
    run,
    spawn,
    ping: () => (engineUp ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:41022'))),
    note: (line) => notes.push(line),
    timing: { readyDeadlineMs: 2_000, pollMs: 5, terminateGraceMs: 20 },
  });
  backend.onState((state, why) => states.push(why ? `${state}: ${why}` : state));
  return {
    backend,
    calls,
    stdins,
    notes,
    states,
    children,
    hostKeyUp: () => (hostKeyReady = true),
    engineUp: () => (engineUp = true),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function started(t: ReturnType<typeof setup>) {
  t.hostKeyUp();
  t.engineUp();
  return t.backend.start();
}

describe('WslBackend', () => {
  it('imports on first start, authorizes the key, starts the engine script and returns SSH with the pinned key', async () => {
    const t = setup();
    const starting = t.backend.start();
    await tick();
    expect(t.children[0].binary).toBe('C:\\Windows\\System32\\wsl.exe');
    expect(t.children[0].args.slice(-3)).toEqual(['/usr/local/sbin/berth-wsl-start', '--ssh-port', '41022']);
    expect(t.children[0].env?.WSL_UTF8).toBe('1');
    t.hostKeyUp();
    await tick();
    expect(t.backend.state()).toBe('starting');
    t.engineUp();
    await expect(starting).resolves.toEqual({
      kind: 'ssh',
      host: '127.0.0.1',
      port: 41022,
      user: 'root',
      hostKey: { keyType: 'ssh-ed25519', key: 'AAAAC3NzaC1lZDI1NTE5AAAAIKey' },
    });
    expect(t.calls.slice(0, 3)).toEqual([
      '--list --verbose',
      '--import berth-dev C:\\Users\\me\\AppData\\Local\\berth\\vms\\dev C:\\cache\\rootfs.tar.gz --version 2',
      '--distribution berth-dev --user root --cd / --exec /bin/sh -c umask 077 && mkdir -p /root/.ssh && cat > /root/.ssh/authorized_keys',
    ]);
    expect(t.stdins).toEqual(['ssh-ed25519 AAAAmachine berth-vm-dev\n']);
    expect(t.states).toEqual(['starting', 'running']);
  });

  it('does not import again a distribution that is already there', async () => {
    const t = setup({ listed: ok(`${LIST_HEADER}  berth-dev  Stopped  2\r\n`, 'utf16le') });
    await started(t);
    expect(t.calls.filter((call) => call.startsWith('--import'))).toEqual([]);
  });

  it('stops gracefully with the stop script, then terminates the distribution', async () => {
    const t = setup();
    await started(t);
    const child = t.children[0];
    const stopping = t.backend.stop(1_000);
    await tick();
    child.end();
    await expect(stopping).resolves.toBe('graceful');
    expect(t.calls.slice(-2)).toEqual([
      '--distribution berth-dev --user root --cd / --exec /usr/local/sbin/berth-wsl-stop',
      '--terminate berth-dev',
    ]);
    expect(t.states.slice(-2)).toEqual(['stopping', 'stopped']);
  });

  it('terminates the distribution when the stop script outlasts the deadline, and ends a lingering wsl.exe', async () => {
    const t = setup({ stopScript: () => new Promise(() => undefined) });
    await started(t);
    await expect(t.backend.stop(30)).resolves.toBe('forced');
    expect(t.calls.at(-1)).toBe('--terminate berth-dev');
    expect(t.notes.join('\n')).toMatch(/did not stop within 0.03 s: terminating berth-dev/);
    expect(t.children[0].signals).toEqual(['SIGKILL']);
    expect(t.backend.state()).toBe('stopped');
  });

  it('forces the stop when the stop script fails', async () => {
    const t = setup({
      stopScript: () => Promise.resolve({ code: 1, stdout: Buffer.alloc(0), stderr: Buffer.from('no such file') }),
    });
    await started(t);
    await expect(t.backend.stop(1_000)).resolves.toBe('forced');
    expect(t.notes.join('\n')).toMatch(
      /could not stop the engine in berth-dev \(wsl.exe could not stop the engine \(exit code 1\): no such file\)/,
    );
  });

  it("fails the start with what wsl.exe said (UTF-16LE) when the engine's wsl.exe exits early", async () => {
    const t = setup();
    const starting = t.backend.start();
    await tick();
    t.children[0].say('dockerd: failed to start daemon\r\n', 'utf16le');
    t.children[0].end({ code: 1, signal: null });
    await expect(starting).rejects.toThrow(
      /the engine's wsl.exe exited \(exit code 1\): dockerd: failed to start daemon/,
    );
    expect(t.backend.failure()).toMatch(/^WSL could not start berth-dev: /);
    expect(t.calls.at(-1)).toBe('--terminate berth-dev');
  });

  it('says when WSL itself is missing, and refuses a WSL 1 distribution', async () => {
    const missing = setup({
      listed: {
        code: 1,
        stdout: Buffer.from('The Windows Subsystem for Linux is not installed.\r\n', 'utf16le'),
        stderr: Buffer.alloc(0),
      },
    });
    await expect(missing.backend.start()).rejects.toThrow(
      'wsl.exe --list failed (exit code 1): The Windows Subsystem for Linux is not installed.; is WSL installed?',
    );
    expect(missing.children).toEqual([]);
    const old = setup({ listed: ok(`${LIST_HEADER}  berth-dev  Stopped  1\r\n`) });
    await expect(old.backend.start()).rejects.toThrow(
      'berth-dev is a WSL 1 distribution; run wsl --set-version berth-dev 2',
    );
  });

  it('takes "no installed distributions" as an empty list and imports', async () => {
    const t = setup({
      listed: {
        code: 1,
        stdout: Buffer.from('Windows Subsystem for Linux has no installed distributions.\r\n', 'utf16le'),
        stderr: Buffer.alloc(0),
      },
    });
    await started(t);
    expect(t.calls[1]).toMatch(/^--import berth-dev /);
  });

  it('goes to failed when the engine stops by itself while running', async () => {
    const t = setup();
    await started(t);
    t.children[0].end({ code: 0, signal: null });
    await tick();
    expect(t.backend.state()).toBe('failed');
    expect(t.backend.failure()).toBe("the engine's wsl.exe exited (exit code 0) while the engine was running");
    await expect(t.backend.stop(1_000)).resolves.toBe('graceful');
    expect(t.backend.state()).toBe('stopped');
  });

  it('maps shares to /mnt/<drive>, forwards ports automatically, and has no save/resume', async () => {
    const t = setup();
    const { shares, portForwards, saveResume } = t.backend.traits;
    expect(shares.guestPath('C:\\Users\\me\\src')).toBe('/mnt/c/Users/me/src');
    expect(shares.guestPath('\\\\nas\\share')).toBeNull();
    expect(portForwards.mode).toBe('automatic');
    expect(saveResume.supported).toBe(false);
    await expect(t.backend.save()).rejects.toBeInstanceOf(UnsupportedByBackend);
    await expect(t.backend.resume()).rejects.toThrow(/no per-distribution suspend/);
  });
});

describe('wslRunner', () => {
  it('runs the given binary with WSL_UTF8=1 added to the environment, and stdin written', async () => {
    const run = wslRunner('/bin/sh', { PATH: process.env.PATH, KEEP: 'yes' });
    const result = await run(['-c', 'printf "%s %s " "$WSL_UTF8" "$KEEP"; cat'], 'key');
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe('1 yes key');
  });
});
