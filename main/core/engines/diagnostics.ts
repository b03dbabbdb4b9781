// "Copy diagnostics": what a bug report needs in one text — Berth's and Node's versions, the platform, every
// engine with its state and info, Berth's settings, the docker CLI's configuration as far as it shapes what
// Berth does (never its credentials), the environment variables that decide which engine Berth finds and how
// (an allow-list: anything else is left out and only counted), and each engine's last log lines — run through
// redact() as a whole, so a secret that slipped into a log line is caught too.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineView } from '../../shared/engine-manager-types';
import { dockerConfigDir } from '../connection/docker-config';
import { isSecretName, redact } from './redact';

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
  const lines = [
    `## ${engine.name} (${engine.kind}${engine.active ? ', active' : ''})`,
    `host: ${engine.host}`,
    `berth: ${engine.providerState}${engine.controlReason ? ` (${engine.controlReason})` : ''}`,
  ];
  if (status.state === 'connected') {
    const { info } = status;
    lines.push(
      `connected: ${info.product} ${info.version}, API ${info.apiVersion}, ${info.os} (${info.osType}/${info.architecture}), kernel ${info.kernelVersion}`,
    );
    lines.push(
      `cpus ${info.cpus}, memory ${info.memoryBytes} bytes, storage ${info.storageDriver}, cgroup ${info.cgroupVersion} (${info.cgroupDriver})`,
    );
    lines.push(`containers ${info.containers.total} (running ${info.containers.running}), images ${info.images}`);
  } else {
    lines.push(`${status.state}${status.state === 'unreachable' ? `: ${status.reason}` : ''}`);
  }
  // Whoever reads a report about a Berth engine needs to know whether limits could work there at all.
  const owned = engine.ownedMode;
  if (owned)
    lines.push(
      `runs ${owned.mode ?? 'not at all'}${owned.runAs === 'auto' ? '' : ` (its setting: ${owned.runAs})`}: ${owned.note}`,
    );
  if (engine.dockerContext) lines.push(`docker context: ${engine.dockerContext}`);
  if (logs.length > 0)
    lines.push(
      `last ${Math.min(LOG_LINES, logs.length)} log lines:`,
      ...logs.slice(-LOG_LINES).map((line) => `  ${line}`),
    );
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

/**
 * The variables a report may show: how the docker CLI (and so Berth) finds its engine, Berth's own settings,
 * where runtime files go, the proxies a pull goes through (passwords in their URLs are redacted) and PATH
 * (which dockerd, ssh or qemu is found). Anything else may hold anyone's secrets and is only counted.
 */
const allowedVariables = new Set([
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CONFIG',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_TLS',
  'DOCKER_API_VERSION',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'PATH',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
]);
/** Only whether they are set: SSH engines use the agent, and its socket path says nothing more. */
const presenceOnly = new Set(['SSH_AUTH_SOCK']);

export function environmentSection(env: NodeJS.ProcessEnv): string[] {
  const lines: string[] = [];
  let omitted = 0;
  for (const name of Object.keys(env).sort()) {
    const value = env[name];
    if (value === undefined) continue;
    if (presenceOnly.has(name)) lines.push(`${name} is set`);
    else if (allowedVariables.has(name) || (name.startsWith('BERTH_') && !isSecretName(name)))
      lines.push(`${name}=${value}`);
    else omitted += 1;
  }
  if (omitted > 0) lines.push(`(${omitted} other variable${omitted === 1 ? '' : 's'} left out)`);
  return lines;
}

export async function buildDiagnostics(input: DiagnosticsInput): Promise<string> {
  const environment = environmentSection(input.env);
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
    ...(environment.length > 0 ? ['', '## environment', ...environment] : []),
    '',
  ].join('\n');
  return redact(text);
}
