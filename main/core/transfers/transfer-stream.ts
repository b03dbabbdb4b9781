// Opens the engine's pull or push request (credentials in X-Registry-Auth, cancellable through an AbortSignal
// that docker-modem hands to http.request) and reads its newline-delimited JSON progress to the end.
import type Dockerode from 'dockerode';
import type { ParsedReference } from '../../shared/image-reference';
import { JsonLinesSplitter } from '../connection/json-lines';
import type { RegistryAuth } from '../registries/registries-service';

export interface OpenRequest {
  kind: 'pull' | 'push';
  reference: ParsedReference;
  auth: RegistryAuth | undefined;
  signal: AbortSignal;
}

/** Starts the request; resolves once the engine accepted it (HTTP 200), with the progress stream. */
export function openTransferStream(docker: Dockerode, request: OpenRequest): Promise<NodeJS.ReadableStream> {
  const { reference, signal } = request;
  // The engine insists on an X-Registry-Auth header for pushes; an empty config means "anonymous".
  const authconfig = request.auth ?? {};
  const name = `${reference.registry}/${reference.repository}`;
  if (request.kind === 'pull') {
    // name:tag@digest pulls by digest, as the docker CLI does: the digest pins the content.
    const tag = reference.digest ?? reference.tag ?? 'latest';
    return docker.createImage(authconfig, { fromImage: name, tag, abortSignal: signal });
  }
  return docker
    .getImage(name)
    .push({ tag: reference.tag ?? 'latest', authconfig, abortSignal: signal } as Dockerode.ImagePushOptions);
}

export type StreamOutcome =
  /** The engine closed the stream normally (after its last line). */
  | { kind: 'ended' }
  /** The engine wrote an error line; the message is its own words. */
  | { kind: 'engine-error'; message: string }
  /** The connection broke before the end: the engine went away, or the request was aborted. */
  | { kind: 'cut'; reason: string | null };

/** Reads the progress lines, handing each to `onLine`; `onLine` returns an error message to stop at. */
export function readTransferStream(
  stream: NodeJS.ReadableStream,
  onLine: (line: unknown) => string | null,
): Promise<StreamOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: StreamOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const splitter = new JsonLinesSplitter({
      value: (value) => {
        if (settled) return;
        const error = onLine(value);
        if (error !== null) settle({ kind: 'engine-error', message: error });
      },
    });
    stream.on('data', (chunk: Buffer | string) => splitter.push(chunk));
    stream.on('end', () => {
      splitter.end();
      settle({ kind: 'ended' });
    });
    stream.on('error', (error: Error) => settle({ kind: 'cut', reason: error.message }));
    // 'close' without 'end': the socket went away mid-stream.
    stream.on('close', () => settle({ kind: 'cut', reason: null }));
  });
}
