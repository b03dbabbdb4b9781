// Builds images from a folder on this machine: checks the context before anything is streamed (a wrong folder
// or a missing Dockerfile answers the request with a specific error), then streams the engine's output to the
// client that asked. Closing the stream aborts the build request, which makes the engine cancel the build.
import type { StreamOpened } from '../../shared/stream-types';
import { builtImageLine } from '../../shared/build-types';
import { BerthError } from '../../shared/errors';
import { parseReference } from '../../shared/image-reference';
import type { EngineLink } from '../connection/engine-link';
import { JsonLinesSplitter } from '../connection/json-lines';
import type { Logger } from '../logger';
import type { StreamRegistry, StreamSink } from '../streams/stream-registry';
import { prepareContext, type BuildContext } from './build-context';
import { watchBuildOutcome, type BuildEndedListener } from './build-outcome';
import { BuildProgress, failureMessage } from './build-progress';

export interface BuildRequest {
  streamId: string;
  context: string;
  dockerfile?: string;
  tag?: string;
  buildArgs?: { key: string; value: string }[];
  target?: string;
  noCache?: boolean;
}

const mib = 1024 * 1024;
const sizeText = (bytes: number) =>
  bytes >= mib ? `${(bytes / mib).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;

/** The tag as docker stores it (`app` → `app:latest`), checked with docker's reference rules first. */
function checkTag(tag: string | undefined): string | null {
  if (tag === undefined || tag.trim() === '') return null;
  const parsed = parseReference(tag);
  if (!parsed.ok) throw new BerthError('INVALID_REFERENCE', `Cannot tag the build as ${tag}: ${parsed.message}.`);
  if (parsed.value.digest !== null)
    throw new BerthError('INVALID_REFERENCE', `Cannot tag the build as ${tag}: a tag cannot carry a digest.`);
  return parsed.value.tag === null ? `${tag.trim()}:latest` : tag.trim();
}

export class BuildService {
  constructor(
    private readonly connection: EngineLink,
    private readonly streams: StreamRegistry,
    private readonly log: Logger,
    private readonly onEnded?: BuildEndedListener,
  ) {}

  async build(clientId: string, request: BuildRequest): Promise<StreamOpened> {
    const tag = checkTag(request.tag);
    const context = await prepareContext(request.context, request.dockerfile);
    const label = `build ${tag ?? context.folder}`;
    return this.streams.open(clientId, request.streamId, label, (streamSink) => {
      const outcome = watchBuildOutcome(streamSink, { tag, folder: context.folder }, this.onEnded);
      const sink = outcome.sink;
      const abort = new AbortController();
      this.run(sink, context, tag, request, abort.signal).catch((error: unknown) => {
        if (!sink.closed) sink.end({ error });
      });
      return () => {
        outcome.cancelled();
        abort.abort();
      };
    });
  }

  private async run(
    sink: StreamSink,
    context: BuildContext,
    tag: string | null,
    request: BuildRequest,
    signal: AbortSignal,
  ): Promise<void> {
    const ignored = context.ignored > 0 ? `, ${context.ignored} left out by .dockerignore` : '';
    sink.write(
      'system',
      `Sending the build context to the engine: ${context.files} ${context.files === 1 ? 'file' : 'files'}, ${sizeText(context.bytes)}${ignored}\n`,
    );
    const options = {
      dockerfile: context.dockerfile,
      ...(tag ? { t: tag } : {}),
      ...(request.target ? { target: request.target } : {}),
      buildargs: Object.fromEntries((request.buildArgs ?? []).map((arg) => [arg.key, arg.value])),
      nocache: request.noCache ?? false,
      // Intermediate containers go, even after a failed step, as `docker build` does by default.
      rm: true,
      forcerm: true,
      abortSignal: signal,
    };
    const docker = this.connection.client();
    const body = await docker.buildImage(context.tar(), options as Parameters<typeof docker.buildImage>[1]);
    const progress = new BuildProgress((fd, text) => sink.write(fd, text));
    const splitter = new JsonLinesSplitter({
      value: (value) => progress.frame(value),
      badLine: (line) => progress.raw(line),
    });
    await new Promise<void>((resolve, reject) => {
      body.on('data', (chunk: Buffer) => splitter.push(chunk));
      body.on('end', () => {
        splitter.end();
        resolve();
      });
      body.on('error', reject);
    });
    if (sink.closed) return;
    if (progress.failure) {
      sink.end({
        error: new BerthError('ENGINE_REFUSED', failureMessage(progress.failure)),
        exitCode: progress.failure.exitCode,
      });
      return;
    }
    const built = progress.builtId;
    if (!built) {
      sink.end({
        error: new BerthError('ENGINE_ERROR', 'The engine ended the build without saying which image it built.'),
      });
      return;
    }
    const id = (await docker.getImage(tag ?? built).inspect()).Id;
    this.log.info(`[build] built ${id.slice(0, 19)}${tag ? ` as ${tag}` : ''} from ${context.folder}`);
    sink.write('system', builtImageLine({ id, tag }));
    sink.end({ exitCode: 0 });
  }
}
