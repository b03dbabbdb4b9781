// Finds the compose CLI the user has, the way they would run it: `docker compose` (the v2 plugin) first, else
// `docker-compose` (v1, as Debian ships 1.29, or a standalone v2 binary), and says how to get one for this
// system when neither runs. Berth runs that CLI rather than a compose implementation of its own, so a file
// behaves exactly as it does in the user's terminal.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { ComposeCli, ComposeCliFound } from '../../shared/compose-types';
import { toolCommand, toolPath } from '../tool-path';

/** The program and the arguments before compose's own (`docker` + `compose`, or `docker-compose`). */
export interface ComposeInvocation {
  found: ComposeCliFound;
  program: string;
  prefix: string[];
}

const versionTimeoutMs = 15_000;

/** The environment a compose CLI runs in: the core's, with the PATH Berth searches (tool-path.ts). */
export function cliEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: toolPath(env) };
}

function versionOf(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(program, args, { env: cliEnv(env), timeout: versionTimeoutMs }, (error, stdout) => {
      // Not installed (ENOENT), not a compose (docker without the plugin exits 1): either way, not this one.
      if (error) return resolve(null);
      const version = stdout.trim().replace(/^v/, '');
      resolve(/^\d+\.\d+/.test(version) ? version : null);
    });
  });
}

/** The compose CLI to run, or null with nothing found. */
export async function findComposeCli(env: NodeJS.ProcessEnv): Promise<ComposeInvocation | null> {
  const docker = toolCommand('docker', env);
  const plugin = await versionOf(docker, ['compose', 'version', '--short'], env);
  if (plugin) {
    return {
      found: { kind: 'plugin', command: 'docker compose', version: plugin },
      program: docker,
      prefix: ['compose'],
    };
  }
  const standalone = toolCommand('docker-compose', env);
  const version = await versionOf(standalone, ['version', '--short'], env);
  if (version) {
    return { found: { kind: 'standalone', command: 'docker-compose', version }, program: standalone, prefix: [] };
  }
  return null;
}

/** Linux distribution ids from /etc/os-release (`ID` and `ID_LIKE`), empty where unreadable. */
async function distroIds(): Promise<string[]> {
  const text = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const ids: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^(ID|ID_LIKE)=("?)([^"]*)\2$/.exec(line.trim());
    if (match) ids.push(...match[3].split(/\s+/));
  }
  return ids;
}

const installPage = 'https://docs.docker.com/compose/install/';

/** How to get a compose CLI here, in one or two sentences the user can act on. */
export async function installHint(platform: NodeJS.Platform = process.platform): Promise<string> {
  if (platform === 'darwin') return `Install Docker Compose: brew install docker-compose (or see ${installPage}).`;
  if (platform === 'win32')
    return `Install Docker Compose: winget install Docker.DockerCompose (or see ${installPage}).`;
  const ids = await distroIds();
  const has = (...names: string[]) => names.some((name) => ids.includes(name));
  if (has('debian', 'ubuntu'))
    return `Install Docker Compose: sudo apt install docker-compose (v1), or docker-compose-plugin from Docker's apt repository for \`docker compose\` v2 (${installPage}).`;
  if (has('fedora', 'rhel', 'centos'))
    return `Install Docker Compose: sudo dnf install docker-compose (${installPage}).`;
  if (has('arch')) return `Install Docker Compose: sudo pacman -S docker-compose (${installPage}).`;
  if (has('alpine')) return `Install Docker Compose: apk add docker-cli-compose (${installPage}).`;
  if (has('opensuse', 'suse')) return `Install Docker Compose: sudo zypper install docker-compose (${installPage}).`;
  return `Install Docker Compose (the docker-compose program or the docker compose plugin): ${installPage}`;
}

export async function describeComposeCli(env: NodeJS.ProcessEnv): Promise<ComposeCli> {
  const [cli, install] = await Promise.all([findComposeCli(env), installHint()]);
  return { found: cli?.found ?? null, install };
}
