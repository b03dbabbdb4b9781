// Folds the engine's JSON progress lines (pull and push) into a Transfer: per-layer phase and bytes, totals,
// the digest and the last overall status. Pure, so recorded line sequences test it without an engine.
import type { LayerPhase, LayerProgress, Transfer, TransferKind } from '../../shared/transfer-types';

/** One line of `/images/create` or `/images/{name}/push` output, as far as Berth reads it. */
export interface ProgressLine {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Digest?: string };
}

export interface FoldResult {
  /** Something visible changed (a layer, a total, the status). */
  changed: boolean;
  /** The engine reported a failure in the stream; the transfer is over. */
  error: string | null;
}

/** Layer statuses, lowercased; anything else with an id (like `Pulling from x`, id = tag) is not a layer. */
const phases: Record<string, LayerPhase> = {
  waiting: 'waiting',
  'pulling fs layer': 'waiting',
  preparing: 'waiting',
  downloading: 'downloading',
  'verifying checksum': 'verifying',
  'download complete': 'downloaded',
  extracting: 'extracting',
  'pull complete': 'complete',
  'already exists': 'already-exists',
  pushing: 'pushing',
  pushed: 'pushed',
  'layer already exists': 'already-exists',
};

function phaseOf(status: string): LayerPhase | null {
  const lower = status.toLowerCase();
  if (lower in phases) return phases[lower];
  // `Mounted from other/repo`: the registry copied the blob across repositories, nothing was uploaded.
  if (lower.startsWith('mounted from')) return 'already-exists';
  // `Retrying in 5 seconds`: the layer is still on its way.
  if (lower.startsWith('retrying in')) return 'downloading';
  return null;
}

const digestPattern = /sha256:[a-f0-9]{64}/;

export function newTransfer(
  fields: Pick<Transfer, 'id' | 'kind' | 'requested' | 'reference' | 'purpose' | 'startedAt'>,
): Transfer {
  return {
    ...fields,
    state: 'running',
    finishedAt: null,
    layers: [],
    currentBytes: 0,
    totalBytes: 0,
    totalKnown: false,
    status: fields.kind === 'pull' ? 'Starting the pull' : 'Starting the push',
    digest: null,
    error: null,
    leftOver: null,
  };
}

function layerFor(transfer: Transfer, id: string): LayerProgress {
  let layer = transfer.layers.find((candidate) => candidate.id === id);
  if (!layer) {
    layer = { id, phase: 'waiting', status: '', currentBytes: 0, totalBytes: null, extractedBytes: 0 };
    transfer.layers.push(layer);
  }
  return layer;
}

function applyLayer(
  layer: LayerProgress,
  phase: LayerPhase,
  status: string,
  detail: ProgressLine['progressDetail'],
): void {
  const current = typeof detail?.current === 'number' ? detail.current : null;
  const total = typeof detail?.total === 'number' && detail.total > 0 ? detail.total : null;
  layer.status = status;
  // A late `Downloading` must not move a finished layer back.
  if (layerRank(phase) >= layerRank(layer.phase)) layer.phase = phase;
  if (phase === 'downloading' || phase === 'pushing') {
    if (total !== null) layer.totalBytes = total;
    if (current !== null) layer.currentBytes = Math.max(layer.currentBytes, current);
  } else if (phase === 'extracting') {
    if (total !== null && layer.totalBytes === null) layer.totalBytes = total;
    if (current !== null) layer.extractedBytes = Math.max(layer.extractedBytes, current);
  }
  // The last `Downloading` line may stop short of the size; these phases say every byte arrived.
  if ((phase === 'downloaded' || phase === 'complete' || phase === 'pushed') && layer.totalBytes !== null) {
    layer.currentBytes = layer.totalBytes;
  }
  if (phase === 'complete' && layer.totalBytes !== null) layer.extractedBytes = layer.totalBytes;
}

const order: LayerPhase[] = [
  'waiting',
  'downloading',
  'pushing',
  'verifying',
  'downloaded',
  'extracting',
  'complete',
  'pushed',
  'already-exists',
];
function layerRank(phase: LayerPhase): number {
  return order.indexOf(phase);
}

function recomputeTotals(transfer: Transfer): void {
  let current = 0;
  let total = 0;
  let known = transfer.layers.length > 0;
  for (const layer of transfer.layers) {
    current += layer.currentBytes;
    if (layer.totalBytes !== null) total += layer.totalBytes;
    // A layer the engine already had, or one it skipped, will never report a size: nothing to transfer.
    else if (layer.phase !== 'already-exists') known = false;
  }
  transfer.currentBytes = current;
  transfer.totalBytes = total;
  transfer.totalKnown = known;
}

/** Applies one line to the transfer in place. */
export function foldLine(transfer: Transfer, line: ProgressLine): FoldResult {
  const failure = line.errorDetail?.message ?? line.error;
  if (failure !== undefined)
    return { changed: true, error: failure.trim() || 'the engine reported an error without a message' };
  const auxDigest = line.aux?.Digest;
  if (typeof auxDigest === 'string' && digestPattern.test(auxDigest)) {
    transfer.digest = auxDigest;
    return { changed: true, error: null };
  }
  const status = typeof line.status === 'string' ? line.status : null;
  if (status === null) return { changed: false, error: null };
  const phase = typeof line.id === 'string' && line.id !== '' ? phaseOf(status) : null;
  if (phase !== null && line.id) {
    applyLayer(layerFor(transfer, line.id), phase, status, line.progressDetail);
    recomputeTotals(transfer);
    return { changed: true, error: null };
  }
  // Overall lines: `Digest: sha256:…` (pull), `latest: digest: sha256:… size: 527` (push), `Status: …`.
  const digest = /digest: (sha256:[a-f0-9]{64})/i.exec(status);
  if (digest) transfer.digest = digest[1];
  transfer.status = line.id && !status.startsWith('Pulling from') ? `${line.id}: ${status}` : status;
  return { changed: true, error: null };
}

/** Whether the stream reached the line that means success (the engine closes the stream after it). */
export function reachedEnd(transfer: Transfer): boolean {
  if (transfer.kind === 'pull') return /^Status: /.test(transfer.status);
  return transfer.digest !== null;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What a cancelled or failed transfer left behind, in words. */
export function describeLeftOver(transfer: Transfer): string {
  const total = transfer.layers.length;
  const doneFor = (kind: TransferKind) =>
    transfer.layers.filter((layer) =>
      kind === 'pull' ? ['downloaded', 'extracting', 'complete'].includes(layer.phase) : layer.phase === 'pushed',
    ).length;
  const already = transfer.layers.filter((layer) => layer.phase === 'already-exists').length;
  const alreadyText = already > 0 ? ` (${already} ${already === 1 ? 'was' : 'were'} already there)` : '';
  if (transfer.kind === 'pull') {
    if (total === 0) return 'nothing was downloaded; no image was tagged';
    const tagged = reachedEnd(transfer) ? 'the image was tagged' : 'no image was tagged';
    return `${doneFor('pull')} of ${plural(total, 'layer')} ${doneFor('pull') === 1 ? 'was' : 'were'} downloaded${alreadyText}; ${tagged}`;
  }
  if (total === 0) return 'nothing was uploaded; the registry tag was not changed';
  const tag = transfer.digest ? 'the registry has the new manifest' : 'the registry tag was not changed';
  return `${doneFor('push')} of ${plural(total, 'layer')} ${doneFor('push') === 1 ? 'was' : 'were'} uploaded${alreadyText}; ${tag}`;
}
