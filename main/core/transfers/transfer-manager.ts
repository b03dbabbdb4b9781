// Runs image pulls and pushes in the core, several at once: validates the reference before the engine is
// asked, fetches credentials, folds the engine's progress into a Transfer, pushes `transfers:progress`
// (throttled), cancels by aborting the HTTP request (the engine then abandons the pull), and keeps finished
// transfers for reloaded windows until dismissed.
import type Dockerode from 'dockerode';
import { BerthError, type ErrorInfo } from '../../shared/errors';
import { parseReference, type ParsedReference } from '../../shared/image-reference';
import type { Transfer, TransferKind } from '../../shared/transfer-types';
import type { EngineLink } from '../connection/engine-link';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import type { RegistriesService } from '../registries/registries-service';
import { describeLeftOver, foldLine, newTransfer, reachedEnd, type ProgressLine } from './progress-reducer';
import { ThrottledEmitter } from './throttled-emitter';
import {
  transferErrorForCutStream,
  transferErrorFromMessage,
  transferErrorFromThrown,
  type TransferSubject,
} from './transfer-errors';
import { openTransferStream, readTransferStream } from './transfer-stream';

export interface TransferManagerOptions {
  connection: EngineLink;
  hub: Pick<EventHub, 'emit'>;
  registries: RegistriesService;
  log: Logger;
  /** How many finished transfers `list()` keeps (oldest dropped first). */
  keepFinished?: number;
  throttleMs?: number;
}

interface Entry {
  transfer: Transfer;
  subject: TransferSubject;
  abort: AbortController;
  stream: NodeJS.ReadableStream | null;
  done: Promise<Transfer>;
  resolveDone: (transfer: Transfer) => void;
}

let sequence = 0;
const snapshot = (transfer: Transfer): Transfer => structuredClone(transfer);

export class TransferManager {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter: ThrottledEmitter;
  private readonly keepFinished: number;

  constructor(private readonly options: TransferManagerOptions) {
    this.keepFinished = options.keepFinished ?? 20;
    this.emitter = new ThrottledEmitter({
      emit: (transfer) => options.hub.emit('transfers:progress', transfer),
      intervalMs: options.throttleMs,
    });
  }

  /** Starts a pull; rejects at once (INVALID_REFERENCE) for a malformed reference. */
  async pull(requested: string, purpose: Transfer['purpose'] = 'user'): Promise<Transfer> {
    return this.start('pull', requested, purpose);
  }

  async push(requested: string): Promise<Transfer> {
    return this.start('push', requested, 'user');
  }

  /** Running transfers first, then finished ones; newest first within each. */
  list(): Transfer[] {
    const all = [...this.entries.values()].map((entry) => entry.transfer);
    const running = all.filter((transfer) => transfer.state === 'running');
    const finished = all.filter((transfer) => transfer.state !== 'running');
    const newest = (a: Transfer, b: Transfer) => b.startedAt - a.startedAt;
    return [...running.sort(newest), ...finished.sort(newest)].map(snapshot);
  }

  /** Stops a running transfer; a finished one is returned as it is. */
  cancel(id: string): Transfer {
    const entry = this.entryFor(id);
    if (entry.transfer.state !== 'running') return snapshot(entry.transfer);
    const { kind, reference } = entry.subject;
    this.finish(entry, 'cancelled', {
      code: 'CANCELLED',
      message: `You cancelled the ${kind} of ${reference.familiar}.`,
    });
    // Closing the connection is what makes the engine stop: it ties the pull to the request's lifetime.
    entry.abort.abort();
    return snapshot(entry.transfer);
  }

  /** Forgets a finished transfer; a running one must be cancelled first. */
  dismiss(id: string): { id: string } {
    const entry = this.entries.get(id);
    if (!entry) return { id };
    if (entry.transfer.state === 'running') {
      throw new BerthError(
        'CONFLICT',
        `The ${entry.transfer.kind} of ${entry.subject.reference.familiar} is still running: cancel it first.`,
      );
    }
    this.entries.delete(id);
    this.emitter.forget(id);
    return { id };
  }

  /** Resolves with the transfer once it has ended (done, failed or cancelled). */
  async finished(id: string): Promise<Transfer> {
    return snapshot(await this.entryFor(id).done);
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      if (entry.transfer.state === 'running') this.cancel(entry.transfer.id);
    }
    this.emitter.dispose();
  }

  private start(kind: TransferKind, requested: string, purpose: Transfer['purpose']): Transfer {
    const reference = this.parse(kind, requested);
    // Before creating anything: with no engine, the caller gets ENGINE_UNREACHABLE at once.
    const docker = this.options.connection.client();
    const transfer = newTransfer({
      id: `${kind}-${Date.now().toString(36)}-${++sequence}`,
      kind,
      requested,
      reference: reference.normalised,
      purpose,
      startedAt: Date.now(),
    });
    let resolveDone: (transfer: Transfer) => void = () => undefined;
    const done = new Promise<Transfer>((resolve) => (resolveDone = resolve));
    const entry: Entry = {
      transfer,
      subject: { kind, reference },
      abort: new AbortController(),
      stream: null,
      done,
      resolveDone,
    };
    this.entries.set(transfer.id, entry);
    this.changed(entry);
    this.options.log.info(`[transfers] ${kind} of ${reference.normalised} started (${transfer.id})`);
    void this.run(entry, docker);
    return snapshot(transfer);
  }

  private parse(kind: TransferKind, requested: string): ParsedReference {
    const parsed = parseReference(requested);
    if (!parsed.ok)
      throw new BerthError(
        'INVALID_REFERENCE',
        `"${requested.trim()}" is not an image reference docker accepts: ${parsed.message}.`,
      );
    if (kind === 'push' && parsed.value.digest !== null) {
      throw new BerthError(
        'INVALID_REFERENCE',
        `A push needs a tag, not a digest: push ${parsed.value.familiar.split('@')[0]} instead.`,
      );
    }
    return parsed.value;
  }

  private async run(entry: Entry, docker: Dockerode): Promise<void> {
    const { subject } = entry;
    try {
      const auth = await this.options.registries.authFor(subject.reference.registry);
      if (entry.transfer.state !== 'running') return;
      const stream = await openTransferStream(docker, {
        kind: subject.kind,
        reference: subject.reference,
        auth,
        signal: entry.abort.signal,
      });
      entry.stream = stream;
      if (entry.transfer.state !== 'running') return;
      const outcome = await readTransferStream(stream, (line) => this.onLine(entry, line));
      if (entry.transfer.state !== 'running') return;
      if (outcome.kind === 'engine-error')
        this.finish(entry, 'failed', transferErrorFromMessage(subject, outcome.message));
      else if (outcome.kind === 'ended' && reachedEnd(entry.transfer)) this.finish(entry, 'done', null);
      else
        this.finish(
          entry,
          'failed',
          transferErrorForCutStream(
            subject,
            outcome.kind === 'cut' ? outcome.reason : 'the stream ended without its final line',
          ),
        );
    } catch (error) {
      // After a cancel, the aborted request rejects too; the transfer already says cancelled.
      if (entry.transfer.state !== 'running') return;
      this.finish(entry, 'failed', transferErrorFromThrown(subject, error));
    }
  }

  private onLine(entry: Entry, line: unknown): string | null {
    if (!line || typeof line !== 'object' || entry.transfer.state !== 'running') return null;
    const result = foldLine(entry.transfer, line as ProgressLine);
    if (result.changed && result.error === null) this.changed(entry);
    return result.error;
  }

  private finish(entry: Entry, state: Transfer['state'], error: ErrorInfo | null): void {
    const { transfer } = entry;
    transfer.state = state;
    transfer.finishedAt = Date.now();
    transfer.error = error;
    transfer.leftOver = state === 'done' ? null : describeLeftOver(transfer);
    const what = `[transfers] ${transfer.kind} of ${transfer.reference} ${state}`;
    if (error && state === 'failed') this.options.log.warn(`${what}: ${error.code} ${error.message}`);
    else this.options.log.info(what);
    // Destroying the response as well makes sure the socket closes even if the abort raced the response.
    if (state !== 'done') (entry.stream as { destroy?: () => void } | null)?.destroy?.();
    this.changed(entry);
    entry.resolveDone(snapshot(transfer));
    this.trimFinished();
  }

  private changed(entry: Entry): void {
    this.emitter.changed(entry.transfer.id, () =>
      this.entries.has(entry.transfer.id) ? snapshot(entry.transfer) : undefined,
    );
  }

  private trimFinished(): void {
    const finished = [...this.entries.values()].filter((entry) => entry.transfer.state !== 'running');
    finished.sort((a, b) => (a.transfer.finishedAt ?? 0) - (b.transfer.finishedAt ?? 0));
    for (const entry of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.entries.delete(entry.transfer.id);
      this.emitter.forget(entry.transfer.id);
    }
  }

  private entryFor(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry)
      throw new BerthError('NOT_FOUND', `No transfer ${id}: it finished and was dismissed, or never existed.`);
    return entry;
  }
}
