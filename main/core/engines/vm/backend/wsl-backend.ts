// The Windows backend: the guest is a WSL 2 distribution imported from the image's rootfs tarball, its engine
// started by a script in it that wsl.exe keeps running (a distribution with no wsl.exe process attached is ended
// by WSL a few seconds later, and systemd is not in the image). The engine is reached like QEMU's: SSH on a
// loopback port, the engine's socket over it. sshd listens on 127.0.0.1 in WSL's VM and WSL's localhost
// forwarding makes that port Windows' 127.0.0.1 too. Chosen over a bare docker TCP port (any local process, any
// other Windows user, could drive the engine, root-equivalent) and over a named-pipe relay (another process,
// and a hop per connection through wsl.exe or that same TCP port): SSH is authenticated with the machine's key
// and reuses the provider's one-connection code (tunnel, host socket, stats, guest commands) unchanged.
// Written against Microsoft's documentation (no Windows here): unit tests drive it with a scripted wsl.exe.
import { wslPathOf } from '../../../../shared/wsl-path';
import { describeExit, pollUntil, runProcess, sleep, type BackendChild, type Spawner } from './backend-process';
import { BackendStateMachine, type BackendState } from './backend-state';
import {
  WSL_ENV,
  WSL_HOST_KEY,
  WSL_STOP_SCRIPT,
  wslAuthorizeKeyCommand,
  wslImportArgs,
  wslListArgs,
  wslRunArgs,
  wslStartCommand,
  wslTerminateArgs,
} from './wsl-args';
import { decodeWslOutput, parseWslList, saysNoDistributions } from './wsl-output';
import {
  unsupported,
  type BackendTraits,
  type EngineAccess,
  type StateListener,
  type StopOutcome,
  type VmBackend,
} from './vm-backend';

export interface WslResult {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

/** One short wsl.exe call to completion, `stdin` written to it first; the real one is runProcess. */
export type WslRunner = (args: string[], stdin?: string) => Promise<WslResult>;

/** The real runner: wsl.exe (or whatever `wslExe` names) with WSL_UTF8=1 added to `env`. */
export function wslRunner(wslExe: string, env: NodeJS.ProcessEnv): WslRunner {
  return (args, stdin) => runProcess(wslExe, args, { stdin, env: { ...env, ...WSL_ENV } });
}

export interface WslTiming {
  readyDeadlineMs: number;
  pollMs: number;
  /** After `wsl --terminate`, how long the engine's wsl.exe gets to exit before it is killed. */
  terminateGraceMs: number;
}

export const WSL_TIMING: WslTiming = { readyDeadlineMs: 300_000, pollMs: 250, terminateGraceMs: 5_000 };

export interface WslBackendDeps {
  wslExe: string;
  distro: string;
  /** Where the distribution's ext4.vhdx lives (the engine's own folder). */
  installDir: string;
  /** The image's rootfs as a tar wsl.exe imports (gzip, as Microsoft recommends for compatibility). */
  rootfsTar: string;
  /** A free loopback port for sshd, chosen before each start. */
  sshPort(): Promise<number>;
  /** The machine's public key, authorized for root in the guest (authorized_keys format). */
  publicKey(): Promise<string>;
  run: WslRunner;
  spawn: Spawner;
  ping(access: EngineAccess): Promise<void>;
  note(line: string): void;
  timing?: Partial<WslTiming>;
}

export const WSL_TRAITS: BackendTraits = {
  kind: 'wsl2',
  shares: {
    mechanism: 'drvfs-automount',
    guestPath: (hostPath) => wslPathOf(hostPath),
    how:
      'WSL mounts every fixed drive under /mnt/<drive> by itself (drvfs, wsl.conf [automount]): C:\\Users\\me is ' +
      '/mnt/c/Users/me in the guest; nothing to start or mount, and a network (UNC) path is not shared',
  },
  portForwards: {
    mode: 'automatic',
    how:
      "WSL2's localhost forwarding (.wslconfig localhostForwarding, on by default) makes a port bound to the " +
      "wildcard or to localhost in WSL's VM reachable at localhost:<port> on Windows; Berth only lists the ports",
  },
  memoryGiveBack: {
    mechanism: 'wsl-auto-memory-reclaim',
    how:
      ".wslconfig [experimental] autoMemoryReclaim (dropCache by default, gradual, or disabled) for WSL's whole VM: " +
      'Berth reads it and says when it is disabled (wsl-config-file.ts); it does not write it',
  },
  saveResume: {
    supported: false,
    reason:
      'WSL has no per-distribution suspend: wsl --terminate ends a distribution, wsl --shutdown ends the whole WSL ' +
      "VM, and no command saves a running distribution's state",
  },
};

export class WslBackend implements VmBackend {
  readonly traits = WSL_TRAITS;
  private readonly machine = new BackendStateMachine('wsl2');
  private readonly timing: WslTiming;
  private child: BackendChild | null = null;

  constructor(private readonly deps: WslBackendDeps) {
    this.timing = { ...WSL_TIMING, ...deps.timing };
  }

  state(): BackendState {
    return this.machine.state;
  }

  failure(): string | null {
    return this.machine.failure;
  }

  onState(listener: StateListener): () => void {
    return this.machine.onState(listener);
  }

  async start(): Promise<EngineAccess> {
    this.machine.to('starting');
    const { distro, note } = this.deps;
    try {
      await this.ensureImported();
      await this.wsl(
        wslRunArgs(distro, wslAuthorizeKeyCommand()),
        'authorize the machine key',
        await this.deps.publicKey(),
      );
      const port = await this.deps.sshPort();
      const child = this.deps.spawn(this.deps.wslExe, wslRunArgs(distro, wslStartCommand(port)), {
        ...process.env,
        ...WSL_ENV,
      });
      this.child = child;
      void child.exited.then(() => this.exitedOnItsOwn(child));
      note(`[vm] ${distro} started in WSL 2 (wsl.exe pid ${child.pid}, SSH on 127.0.0.1:${port})`);
      const gone = () => this.gone(child);
      const options = { deadlineMs: this.timing.readyDeadlineMs, intervalMs: this.timing.pollMs, gone };
      // The start script makes the host key before sshd starts; read through wsl.exe, so it is pinned without trusting the network.
      const hostKey = await pollUntil('its SSH host key', () => this.readHostKey(), options);
      const access: EngineAccess = { kind: 'ssh', host: '127.0.0.1', port, user: 'root', hostKey };
      let last: Error | null = null;
      await pollUntil(
        'the engine to answer',
        () =>
          this.deps.ping(access).then(
            () => true,
            (error: Error) => void (last = error),
          ),
        options,
      ).catch((error: Error) => {
        throw last ? new Error(`${error.message}; last answer: ${(last as Error).message}`) : error;
      });
      this.machine.to('running');
      return access;
    } catch (error) {
      if (this.machine.is('stopping', 'stopped')) throw error;
      await this.terminate();
      this.machine.to('failed', `WSL could not start ${distro}: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Asks the guest to stop its engine (containers, containerd, sync), then ends the distribution either way. */
  async stop(deadlineMs: number): Promise<StopOutcome> {
    if (this.machine.is('stopped', 'failed')) {
      if (this.machine.is('failed')) this.machine.to('stopped');
      return 'graceful';
    }
    this.machine.to('stopping');
    const child = this.child;
    let outcome: StopOutcome = 'forced';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
    const asked = this.wsl(wslRunArgs(this.deps.distro, [WSL_STOP_SCRIPT]), 'stop the engine').then(
      async () => {
        if (child) await child.exited;
        return 'done' as const;
      },
      (error: Error) => {
        this.deps.note(`[vm] could not stop the engine in ${this.deps.distro} (${error.message}): terminating it`);
        return 'failed' as const;
      },
    );
    const answer = await Promise.race([asked, deadline]);
    clearTimeout(timer);
    if (answer === 'done') outcome = 'graceful';
    else if (answer === 'late')
      this.deps.note(`[vm] the engine did not stop within ${deadlineMs / 1000} s: terminating ${this.deps.distro}`);
    await this.terminate();
    this.machine.to('stopped');
    return outcome;
  }

  save(): Promise<void> {
    return Promise.reject(unsupported(this.traits, 'save') ?? new Error('unreachable'));
  }

  resume(): Promise<EngineAccess> {
    return Promise.reject(unsupported(this.traits, 'resume') ?? new Error('unreachable'));
  }

  /** Imports the rootfs as a WSL 2 distribution unless it is there; a WSL 1 one cannot run the engine. */
  private async ensureImported(): Promise<void> {
    const { distro, installDir, rootfsTar, note } = this.deps;
    const listed = await this.deps.run(wslListArgs());
    const text = decodeWslOutput(Buffer.concat([listed.stdout, listed.stderr]));
    if (listed.code !== 0 && !saysNoDistributions(text))
      throw new Error(
        `wsl.exe --list failed (exit code ${listed.code}): ${text.trim() || 'no output'}; is WSL installed?`,
      );
    const found = listed.code === 0 ? parseWslList(text).find((row) => row.name === distro) : undefined;
    if (found && found.version !== 2)
      throw new Error(`${distro} is a WSL ${found.version} distribution; run wsl --set-version ${distro} 2`);
    if (found) return;
    note(`[vm] importing ${rootfsTar} as the WSL 2 distribution ${distro} in ${installDir}`);
    await this.wsl(wslImportArgs(distro, installDir, rootfsTar), `import ${distro}`);
  }

  private async readHostKey(): Promise<{ keyType: string; key: string } | undefined> {
    const result = await this.deps.run(wslRunArgs(this.deps.distro, ['cat', WSL_HOST_KEY]));
    if (result.code !== 0) return undefined;
    const [keyType, key] = decodeWslOutput(result.stdout).trim().split(/\s+/);
    return keyType?.startsWith('ssh-') && key ? { keyType, key } : undefined;
  }

  /** A wsl.exe call that must succeed; its (decoded) output is the error otherwise. */
  private async wsl(args: string[], what: string, stdin?: string): Promise<string> {
    const result = await this.deps.run(args, stdin);
    const out = decodeWslOutput(result.stdout);
    if (result.code === 0) return out;
    const said = `${out}\n${decodeWslOutput(result.stderr)}`.trim();
    throw new Error(`wsl.exe could not ${what} (exit code ${result.code}): ${said || 'no output'}`);
  }

  /** `wsl --terminate`, and the start script's wsl.exe ended too should it linger. */
  private async terminate(): Promise<void> {
    const child = this.child;
    this.child = null;
    await this.wsl(wslTerminateArgs(this.deps.distro), `terminate ${this.deps.distro}`).catch((error: Error) =>
      this.deps.note(`[vm] ${error.message}`),
    );
    if (!child || child.exit()) return;
    await Promise.race([child.exited, sleep(this.timing.terminateGraceMs)]);
    child.kill('SIGKILL');
  }

  private gone(child: BackendChild): string | null {
    const exit = child.exit();
    if (!exit) return null;
    const said = decodeWslOutput(child.output()).trim().split('\n').slice(-3).join(' | ');
    return `the engine's wsl.exe exited (${describeExit(exit)})${said ? `: ${said}` : ''}`;
  }

  private exitedOnItsOwn(child: BackendChild): void {
    if (this.child !== child || !this.machine.is('running')) return;
    this.child = null;
    this.machine.to('failed', `${this.gone(child) ?? 'wsl.exe exited'} while the engine was running`);
  }
}
