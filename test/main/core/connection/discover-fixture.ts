// A fake machine for discovery tests: every absolute path (/var/run/docker.sock, /home/me/.docker/...) lives
// under one temporary folder, so the real file-reading code runs against files the test wrote.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contextDigest } from '../../../../main/core/connection/docker-config';
import type { DiscoverDeps } from '../../../../main/core/connection/discover';

export const home = '/home/me';

export class FakeMachine {
  readonly root = mkdtempSync(path.join(tmpdir(), 'berth-discover-'));

  private real(file: string): string {
    return path.join(this.root, file.replace(/^[a-zA-Z]:/, ''));
  }

  write(file: string, content = ''): this {
    mkdirSync(path.dirname(this.real(file)), { recursive: true });
    writeFileSync(this.real(file), content);
    return this;
  }

  /** A docker context as `docker context create` stores it. */
  context(name: string, docker: Record<string, unknown>, tls?: Partial<Record<'ca' | 'cert' | 'key', string>>): this {
    const digest = contextDigest(name);
    this.write(
      `${home}/.docker/contexts/meta/${digest}/meta.json`,
      JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker } }),
    );
    for (const [kind, pem] of Object.entries(tls ?? {}))
      this.write(`${home}/.docker/contexts/tls/${digest}/docker/${kind}.pem`, pem);
    return this;
  }

  deps(env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux', pipes: string[] = []): DiscoverDeps {
    return {
      env,
      platform,
      homedir: home,
      fileExists: (file) => existsSync(this.real(file)),
      readFile: (file) => readFileSync(this.real(file), 'utf8'),
      listPipes: () => pipes,
    };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
