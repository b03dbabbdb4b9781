// "Copy diagnostics": what a bug report needs in one text — Berth's and Node's versions, the platform, every
// engine with its state and info, Berth's settings, the docker CLI's configuration as far as it shapes what
// Berth does (never its credentials), DOCKER_* variables, and each engine's last log lines — run through
// redact() as a whole, so a secret that slipped into a log line is caught too.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineView } from '../../shared/engine-manager-types';
import { dockerConfigDir } from '../engine/docker-config';
import { redact } from './redact';

export interface DiagnosticsInput {
  version: string;
  transport: string;
  env: NodeJS.ProcessEnv;
  engines: EngineView[];
  settings: unknown;
  logs: (id: string) => string[];
  homedir: string;
  platform?: NodeJS.Platform;
}

const LOG_LINES = 50;

function engineSection(engine: EngineView, logs: string[]): string {
  const status = engine.connection;
  const lines = [`## ${engine.name} (${engine.kind}${engine.active ? ', active' : ''})`, `host: ${engine.host}`, `berth: ${engine.providerState}${engine.controlReason ? ` (${engine.controlReason})` : ''}`];
  if (status.state === 'connected') {
    const { info } = status;
    lines.push(`connected: ${info.product} ${info.version}, API ${info.apiVersion}, ${info.os} (${info.osType}/${info.architecture}), kernel ${info.kernelVersion}`);
    lines.push(`cpus ${info.cpus}, memory ${info.memoryBytes} bytes, storage ${info.storageDriver}, cgroup ${info.cgroupVersion} (${info.cgroupDriver})`);
    lines.push(`containers ${info.containers.total} (running ${info.containers.running}), images ${info.images}`);
  } else {
    lines.push(`${status.state}${status.state === 'unreachable' ? `: ${status.reason}` : ''}`);
  }
  if (engine.dockerContext) lines.push(`docker context: ${engine.dockerContext}`);
  if (logs.length > 0) lines.push(`last ${Math.min(LOG_LINES, logs.length)} log lines:`, ...logs.slice(-LOG_LINES).map((line) => `  ${line}`));
  return lines.join('\n');
}

/** What of the docker CLI's config.json matters here: which context and helpers, and which registries have logins. */
async function dockerConfigSummary(input: DiagnosticsInput): Promise<string> {
  const file = join(dockerConfigDir(input.env, input.homedir, input.platform ?? process.platform), 'config.json');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : `unreadable (${(error as Error).message})`}`;
  }
  const auths = raw.auths && typeof raw.auths === 'object' ? Object.keys(raw.auths) : [];
  return [
    `${file}:`,
    `  currentContext: ${String(raw.currentContext ?? 'default')}`,
    `  credsStore: ${String(raw.credsStore ?? 'none')}`,
    `  credHelpers: ${raw.credHelpers && typeof raw.credHelpers === 'object' ? JSON.stringify(raw.credHelpers) : 'none'}`,
    `  logins for: ${auths.length > 0 ? auths.join(', ') : 'none'}`,
  ].join('\n');
}

export async function buildDiagnostics(input: DiagnosticsInput): Promise<string> {
  const dockerEnv = Object.entries(input.env)
    .filter(([name]) => name.startsWith('DOCKER_') || name.startsWith('BERTH_'))
    .map(([name, value]) => `${name}=${value ?? ''}`);
  const text = [
    '# Berth diagnostics',
    `Berth ${input.version} (${input.transport}), Node ${process.versions.node}, ${input.platform ?? process.platform} ${process.arch}`,
    `generated ${new Date().toISOString()}`,
    '',
    ...input.engines.map((engine) => `${engineSection(engine, input.logs(engine.id))}\n`),
    '## settings',
    JSON.stringify(input.settings, null, 2),
    '',
    '## docker CLI',
    await dockerConfigSummary(input),
    ...(dockerEnv.length > 0 ? ['', '## environment', ...dockerEnv] : []),
    '',
  ].join('\n');
  return redact(text);
}
