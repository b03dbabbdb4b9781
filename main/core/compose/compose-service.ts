// `up` and `down` of compose projects through the user's compose CLI (compose-cli.ts) against the active engine
// (compose-host.ts), each as a stream of the client that asked: what the CLI prints, then its exit code.
// Down of a project by name alone: `docker compose` v2 finds a project by its containers' labels; compose v1
// needs the files, which its containers name in their labels, so those are used while they still exist.
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StreamOpened } from '../../shared/stream-types';
import type { EngineView } from '../../shared/engine-manager-types';
import { BerthError } from '../../shared/errors';
import type { EngineLink } from '../connection/engine-link';
import type { Logger } from '../logger';
import type { StreamRegistry } from '../streams/stream-registry';
import { cliEnv, findComposeCli, installHint, type ComposeInvocation } from './compose-cli';
import { checkComposeFile } from './compose-file';
import { composeHostFor, envForHost } from './compose-host';
import { runIntoSink } from './compose-process';

export const projectLabel = 'com.docker.compose.project';
const configFilesLabel = 'com.docker.compose.project.config_files';
const workingDirLabel = 'com.docker.compose.project.working_dir';

export interface ComposeServiceOptions {
  env: NodeJS.ProcessEnv;
  connection: Pick<EngineLink, 'client'>;
  /** The engines' views; the active one is where compose runs. */
  engines: () => EngineView[];
  streams: Pick<StreamRegistry, 'open'>;
  log: Logger;
  /** Where the CLI is looked for; findComposeCli unless a unit test stands in for a computer without one. */
  findCli?: (env: NodeJS.ProcessEnv) => Promise<ComposeInvocation | null>;
}

export interface UpRequest {
  streamId: string;
  file: string;
  projectName?: string;
}

export interface DownRequest {
  streamId: string;
  file?: string;
  projectName?: string;
  removeVolumes?: boolean;
}

/** Where a project's files are, as its containers' labels say. */
interface ProjectFiles {
  files: string[];
  workingDir: string | null;
}

export class ComposeService {
  constructor(private readonly options: ComposeServiceOptions) {}

  async up(clientId: string, request: UpRequest): Promise<StreamOpened> {
    const file = await checkComposeFile(request.file);
    const cli = await this.cli();
    const args = [...cli.prefix, '-f', file, ...projectArgs(request.projectName), 'up', '-d'];
    return this.run(clientId, request.streamId, cli, args, dirname(file), `compose up ${file}`);
  }

  async down(clientId: string, request: DownRequest): Promise<StreamOpened> {
    const extra = request.removeVolumes ? ['-v'] : [];
    if (request.file !== undefined) {
      const file = await checkComposeFile(request.file);
      const cli = await this.cli();
      const args = [...cli.prefix, '-f', file, ...projectArgs(request.projectName), 'down', ...extra];
      return this.run(clientId, request.streamId, cli, args, dirname(file), `compose down ${file}`);
    }
    const project = request.projectName ?? '';
    const cli = await this.cli();
    const known = await this.projectFiles(project);
    if (majorOf(cli.found.version) >= 2) {
      const args = [...cli.prefix, '-p', project, 'down', ...extra];
      return this.run(
        clientId,
        request.streamId,
        cli,
        args,
        known.workingDir ?? process.cwd(),
        `compose down ${project}`,
      );
    }
    const files = await existing(known.files);
    if (known.files.length === 0 || files.length < known.files.length)
      throw new BerthError(
        'CONFLICT',
        `${cli.found.command} ${cli.found.version} needs the compose file to take ${project} down, and ${
          known.files.length === 0 ? 'its containers do not say which file it was' : `${known.files.join(', ')} is gone`
        }: choose the file, or remove the project's containers instead.`,
      );
    const args = [...cli.prefix, ...files.flatMap((file) => ['-f', file]), '-p', project, 'down', ...extra];
    const cwd = known.workingDir ?? dirname(files[0]);
    return this.run(clientId, request.streamId, cli, args, cwd, `compose down ${project}`);
  }

  private async cli(): Promise<ComposeInvocation> {
    const cli = await (this.options.findCli ?? findComposeCli)(this.options.env);
    if (cli) return cli;
    throw new BerthError(
      'NOT_FOUND',
      `No compose CLI here: neither \`docker compose\` nor \`docker-compose\` runs. ${await installHint()}`,
    );
  }

  /** The project's files and folder from its containers' labels; NOT_FOUND when no container has it. */
  private async projectFiles(project: string): Promise<ProjectFiles> {
    const containers = await this.options.connection
      .client()
      .listContainers({ all: true, filters: { label: [`${projectLabel}=${project}`] } });
    if (containers.length === 0)
      throw new BerthError('NOT_FOUND', `No containers of the compose project ${project}: it is already down.`);
    const labels = containers[0].Labels ?? {};
    const files = (labels[configFilesLabel] ?? '').split(',').filter(Boolean);
    return { files, workingDir: labels[workingDirLabel] || null };
  }

  private run(
    clientId: string,
    streamId: string,
    cli: ComposeInvocation,
    args: string[],
    cwd: string,
    label: string,
  ): Promise<StreamOpened> {
    const views = this.options.engines();
    const host = composeHostFor(
      views.find((view) => view.active),
      this.options.env,
    );
    const env = envForHost(cliEnv(this.options.env), host);
    const shown = [cli.found.command, ...args.slice(cli.prefix.length)].join(' ');
    this.options.log.info(`[compose] ${shown} (DOCKER_HOST=${host.dockerHost})`);
    return this.options.streams.open(clientId, streamId, label, (sink) => {
      sink.write('system', `${host.note}\n$ ${shown}\n`);
      return runIntoSink({ program: cli.program, args, cwd, env }, sink, this.options.log);
    });
  }
}

function projectArgs(name: string | undefined): string[] {
  return name ? ['-p', name] : [];
}

function majorOf(version: string): number {
  return Number.parseInt(version, 10) || 0;
}

async function existing(files: string[]): Promise<string[]> {
  const checks = await Promise.all(
    files.map((file) =>
      access(file).then(
        () => file,
        () => null,
      ),
    ),
  );
  return checks.filter((file): file is string => file !== null);
}
