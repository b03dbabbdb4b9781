// The shared folders across one VM's boots: before each QEMU start, which mechanism serves them (virtiofs when
// its daemons start, else virtio-9p, or BERTH_VM_SHARES=9p|virtiofs to force one) and QEMU's options for it;
// after the engine answers, mounting them in the guest with that mechanism; and the daemons' end.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Client } from 'ssh2';
import { mountShares } from './share-mount';
import { virtfsArgs, type ShareMechanism } from './shared-folders';
import { startVirtiofsd, virtiofsdBinary, virtiofsQemuArgs, virtiofsSocket } from './virtiofs';

export interface ShareSessionOptions {
  folders: string[];
  runtimeDir: string;
  env: NodeJS.ProcessEnv;
  memoryMiB: number;
  note(line: string): void;
}

export class ShareSession {
  private current: ShareMechanism = '9p';
  private daemons: ChildProcess[] = [];

  constructor(private readonly options: ShareSessionOptions) {}

  get mechanism(): ShareMechanism {
    return this.current;
  }

  /** The folders shared with the guest. */
  get folders(): string[] {
    return this.options.folders;
  }

  /** QEMU's options for one boot; starts virtiofs's daemons when virtiofs is used. */
  async qemuArgs(): Promise<string[]> {
    this.stop();
    const { folders, env, note } = this.options;
    if (folders.length === 0) return [];
    if (env.BERTH_VM_SHARES !== '9p') {
      const why = await this.startVirtiofs();
      if (why === null) {
        this.current = 'virtiofs';
        return virtiofsQemuArgs(
          folders.map((_, index) => virtiofsSocket(this.options.runtimeDir, index)),
          this.options.memoryMiB,
        );
      }
      note(`[vm] virtiofs is not available (${why}): the shared folders use virtio-9p`);
    }
    this.current = '9p';
    return virtfsArgs(folders);
  }

  /** Mounts the folders in the guest with the mechanism this boot's QEMU got. */
  mount(ssh: Client): Promise<boolean> {
    return mountShares(ssh, this.options.folders, this.current, this.options.note);
  }

  /** Ends the daemons still running (each also exits by itself when its QEMU goes). */
  stop(): void {
    for (const daemon of this.daemons.splice(0)) if (daemon.exitCode === null) daemon.kill('SIGTERM');
  }

  /** null when every folder's daemon is serving; else why not (and none is left running). */
  private async startVirtiofs(): Promise<string | null> {
    const binary = virtiofsdBinary(this.options.env);
    if (!existsSync(binary)) return `${binary} is not installed`;
    try {
      for (const [index, folder] of this.options.folders.entries())
        this.daemons.push(await startVirtiofsd(binary, folder, virtiofsSocket(this.options.runtimeDir, index)));
      return null;
    } catch (error) {
      this.stop();
      return (error as Error).message;
    }
  }
}
