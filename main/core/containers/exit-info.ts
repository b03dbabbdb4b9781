// Owns `containers:exit-info`: why and when a container stopped (exit code, OOM kill, the signal a 128+n code
// stands for, the engine's own error) and its last log lines, demultiplexed with docker-modem's demuxer when the
// container has no TTY, each line cut to a bounded length so one huge line cannot flood the page.
import { PassThrough, Writable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ContainerState } from '../../shared/container-types';
import { signalOfExitCode, type ExitInfo, type ExitLogLine } from '../../shared/container-action-types';
import type { EngineLink } from '../connection/engine-link';
import { lifecycleError } from './container-lifecycle';

export const exitTailLines = 30;
export const exitLineMaxChars = 2000;

/** The engine's "never" for a time. */
function timeOrNull(value: string | undefined): string | null {
  return !value || value.startsWith('0001-01-01') ? null : value;
}

export async function exitInfo(connection: Pick<EngineLink, 'client'>, id: string): Promise<ExitInfo> {
  const docker = connection.client();
  const container = docker.getContainer(id);
  let inspect: Dockerode.ContainerInspectInfo;
  try {
    inspect = await container.inspect();
  } catch (error) {
    throw lifecycleError(error, id, 'inspect');
  }
  const state = inspect.State;
  const startedAt = timeOrNull(state.StartedAt);
  // A container that never started has no exit code worth showing (the engine reports 0).
  const exitCode = startedAt === null && state.Status === 'created' ? null : state.ExitCode;
  const lastLines = await lastLogLines(docker, container, inspect.Config.Tty);
  return {
    id: inspect.Id,
    name: inspect.Name.replace(/^\//, ''),
    state: state.Status as ContainerState,
    exitCode,
    startedAt,
    finishedAt: timeOrNull(state.FinishedAt),
    oomKilled: state.OOMKilled,
    signal: state.Running ? null : signalOfExitCode(exitCode),
    engineError: state.Error ? state.Error : null,
    restartCount: inspect.RestartCount ?? 0,
    lastLines,
  };
}

async function lastLogLines(docker: Dockerode, container: Dockerode.Container, tty: boolean): Promise<ExitLogLine[]> {
  const raw = (await container.logs({ stdout: true, stderr: true, tail: exitTailLines, follow: false })) as unknown;
  const buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw));
  if (tty) return toLines([{ stream: 'stdout', text: buffer.toString('utf8') }]);
  const chunks: ExitLogLine[] = [];
  const collect = (stream: ExitLogLine['stream']) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push({ stream, text: chunk.toString('utf8') });
        done();
      },
    });
  const source = new PassThrough();
  const ended = new Promise<void>((resolve) => source.on('end', resolve));
  docker.modem.demuxStream(source, collect('stdout'), collect('stderr'));
  source.end(buffer);
  await ended;
  return toLines(chunks);
}

/** Chunks (frames of either stream, in order) into lines of one stream each, the last `exitTailLines`. */
function toLines(chunks: ExitLogLine[]): ExitLogLine[] {
  const lines: ExitLogLine[] = [];
  const open: Record<ExitLogLine['stream'], string> = { stdout: '', stderr: '' };
  for (const chunk of chunks) {
    const parts = (open[chunk.stream] + chunk.text).split('\n');
    open[chunk.stream] = parts.pop() ?? '';
    for (const part of parts) lines.push({ stream: chunk.stream, text: cut(part) });
  }
  for (const stream of ['stdout', 'stderr'] as const) if (open[stream]) lines.push({ stream, text: cut(open[stream]) });
  return lines.slice(-exitTailLines);
}

function cut(line: string): string {
  const text = line.replace(/\r$/, '');
  return text.length > exitLineMaxChars ? `${text.slice(0, exitLineMaxChars)}…` : text;
}
