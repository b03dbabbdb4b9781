// Reads what installer-mode.ts decides on from this machine: the helper's facts (who the user is, lstat of the
// installer and its folder, pkexec or sudo, a desktop session), the effective uid, and whether sudo lets this
// user run the installer without a password (`sudo -n -l`, which asks nothing and runs nothing); and
// /etc/os-release, for the install service's check at each request.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { toolPath } from '../../tool-path';
import { whichIn } from '../dockerd/dockerd-availability';
import { systemHelperFacts } from '../dockerd/helper-facts';
import { systemPath } from '../dockerd/host-command';
import { parseOsRelease } from '../setup-options';
import type { InstallFacts } from './install-service';
import { installerMode, type InstallerFacts } from './installer-mode';

export function systemInstallerFacts(
  env: NodeJS.ProcessEnv,
  which: (command: string) => string | null,
): InstallerFacts {
  const helper = systemHelperFacts(env, which);
  return {
    ...helper,
    // BERTH_ENGINE_INSTALLER (a test, a custom install): the only path then looked at, checked the same way.
    override: env.BERTH_ENGINE_INSTALLER?.startsWith('/') ? env.BERTH_ENGINE_INSTALLER : null,
    uid: process.getuid?.(),
    sudoAllows: (sudo, path) => {
      const listed = spawnSync(sudo, ['-n', '-l', path], {
        env: { ...env, PATH: systemPath(env) },
        stdio: 'ignore',
        timeout: 10_000,
      });
      return listed.status === 0;
    },
  };
}

export async function machineInstallFacts(env: NodeJS.ProcessEnv): Promise<InstallFacts> {
  const osRelease = parseOsRelease(await readFile('/etc/os-release', 'utf8').catch(() => ''));
  const facts = systemInstallerFacts(env, whichIn({ PATH: toolPath(env) }));
  return { osRelease, verdict: installerMode(facts), user: facts.user };
}
