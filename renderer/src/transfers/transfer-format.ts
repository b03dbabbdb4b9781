// Words and numbers for transfers: bytes as "12.3 / 45.6 MiB" (one unit for both), whole percentages, layer
// phases, states and errors in plain words. Pure, so it is unit-tested without a DOM.
import { summariseTransfers } from '@shared/transfer-summary';
import type { LayerPhase, LayerProgress, Transfer } from '@shared/transfer-types';

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

function unitFor(bytes: number): number {
  let unit = 0;
  while (bytes >= 1024 ** (unit + 1) && unit < units.length - 1) unit += 1;
  return unit;
}

function inUnit(bytes: number, unit: number): string {
  const value = bytes / 1024 ** unit;
  if (unit === 0) return String(Math.round(value));
  // One decimal below 100 keeps a moving number readable; trailing ".0" dropped.
  return value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
}

/**
 * `12.3 / 45.6 MiB`, both in the larger value's unit so they compare at a glance. A total that may still
 * grow (some layer sizes unknown) gets a `+`; no total at all shows only what has been moved.
 */
export function formatByteProgress(current: number, total: number | null, totalKnown = true): string {
  const done = Math.max(0, Number.isFinite(current) ? current : 0);
  if (total === null || !Number.isFinite(total) || total <= 0) {
    const unit = unitFor(done);
    return `${inUnit(done, unit)} ${units[unit]}`;
  }
  const unit = unitFor(Math.max(done, total));
  return `${inUnit(done, unit)} / ${inUnit(total, unit)}${totalKnown ? '' : '+'} ${units[unit]}`;
}

/** Whole percent, rounded down so 100 means complete; null when there is no total to measure against. */
export function percentOf(current: number, total: number | null): number | null {
  if (total === null || !Number.isFinite(total) || total <= 0 || !Number.isFinite(current)) return null;
  return Math.max(0, Math.min(100, Math.floor((current / total) * 100)));
}

/**
 * A transfer's overall percent: 100 once done, null while no layer size is known. A pull that has every byte
 * still extracts (or a push still waits for the registry), so a running transfer stops at 99.
 */
export function transferPercent(transfer: Transfer): number | null {
  if (transfer.state === 'done') return 100;
  const percent = percentOf(transfer.currentBytes, transfer.totalBytes);
  return percent !== null && transfer.state === 'running' ? Math.min(99, percent) : percent;
}

export function formatPercent(percent: number | null): string {
  return percent === null ? '' : `${percent} %`;
}

/** What the total bar says beside it: `12.3 / 45.6 MiB · 27 %`. */
export function transferProgressText(transfer: Transfer): string {
  const bytes = formatByteProgress(transfer.currentBytes, transfer.totalBytes, transfer.totalKnown);
  const percent = transferPercent(transfer);
  return percent === null ? bytes : `${bytes} · ${percent} %`;
}

export function transferStateLabel(transfer: Transfer): string {
  const pull = transfer.kind === 'pull';
  switch (transfer.state) {
    case 'running':
      return pull ? 'Pulling' : 'Pushing';
    case 'done':
      return pull ? 'Pulled' : 'Pushed';
    case 'failed':
      return pull ? 'Pull failed' : 'Push failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

const phaseLabels: Record<LayerPhase, string> = {
  waiting: 'Waiting',
  downloading: 'Downloading',
  verifying: 'Verifying',
  downloaded: 'Downloaded',
  extracting: 'Extracting',
  complete: 'Complete',
  'already-exists': 'Already exists',
  pushing: 'Pushing',
  pushed: 'Pushed',
};

export function layerPhaseLabel(phase: LayerPhase): string {
  return phaseLabels[phase];
}

/** How far a layer is in its current phase, 0..1; null when its size is not known yet. */
export function layerFraction(layer: LayerProgress): number | null {
  switch (layer.phase) {
    case 'waiting':
      return 0;
    case 'downloaded':
    case 'verifying':
    case 'complete':
    case 'already-exists':
    case 'pushed':
      return 1;
    case 'extracting':
      return layer.totalBytes ? Math.min(1, layer.extractedBytes / layer.totalBytes) : null;
    case 'downloading':
    case 'pushing':
      return layer.totalBytes ? Math.min(1, layer.currentBytes / layer.totalBytes) : null;
  }
}

/** A layer with nothing more to do: pulled and extracted, already here, or pushed. */
export function layerSettled(layer: LayerProgress): boolean {
  return layer.phase === 'complete' || layer.phase === 'already-exists' || layer.phase === 'pushed';
}

/** The bytes beside a layer: moving ones while it moves, its size once done, nothing when it was not fetched. */
export function layerBytesText(layer: LayerProgress): string {
  switch (layer.phase) {
    case 'waiting':
    case 'already-exists':
      return '';
    case 'extracting':
      return formatByteProgress(layer.extractedBytes, layer.totalBytes);
    case 'downloading':
    case 'pushing':
      return formatByteProgress(layer.currentBytes, layer.totalBytes);
    default:
      return layer.totalBytes ? formatByteProgress(layer.totalBytes, null) : '';
  }
}

/** What went wrong in plain words; the engine's own message is shown beside it. */
export function transferErrorSummary(transfer: Transfer, error: { code: string }): string {
  const what = transfer.kind === 'pull' ? 'pull' : 'push';
  switch (error.code) {
    case 'AUTH_REQUIRED':
      return `The registry wants credentials for this ${what}. Log in on the Registries page, then try again.`;
    case 'REGISTRY_UNREACHABLE':
      return 'The registry could not be reached. Check the address and that the registry is up.';
    case 'NOT_FOUND':
      return transfer.kind === 'pull'
        ? 'The registry has no such image or tag.'
        : 'There is no local image with this name to push.';
    case 'INVALID_REFERENCE':
      return 'This is not a reference the engine accepts.';
    case 'ENGINE_UNREACHABLE':
      return `The engine went away during the ${what}.`;
    case 'CANCELLED':
      return `The ${what} was cancelled.`;
    default:
      return `The ${what} failed.`;
  }
}

/** Transfers that were running in `before` and have finished in `after`: what a notification reports. */
export function newlyFinished(before: readonly Transfer[], after: readonly Transfer[]): Transfer[] {
  const wasRunning = new Set(before.filter((t) => t.state === 'running').map((t) => t.id));
  return after.filter((t) => t.state !== 'running' && wasRunning.has(t.id));
}

const titlePrefix = /^(\d{1,3} %|…) · /;

/** The window title with the overall percent in front while anything runs (`43 % · Images · Berth`). */
export function titleWithProgress(title: string, running: number, percent: number | null): string {
  const base = title.replace(titlePrefix, '');
  if (running === 0) return base;
  // The shared summary's percent stops at 99 while something runs (layers can still extract).
  return `${percent === null ? '…' : `${percent} %`} · ${base}`;
}

/**
 * The status bar's short line: `Pulling 2 · 43 %` while transfers run (the percent over their known bytes,
 * at most 99), else how many finished or failed ones wait to be dismissed; empty when there are none.
 */
export function indicatorText(transfers: readonly Transfer[]): string {
  const summary = summariseTransfers(transfers);
  if (summary.running > 0)
    return `${summary.verb} ${summary.running}${summary.percent === null ? '' : ` · ${summary.percent} %`}`;
  const failed = transfers.filter((t) => t.state === 'failed').length;
  if (failed > 0) return `${failed} ${failed === 1 ? 'transfer' : 'transfers'} failed`;
  if (transfers.length === 0) return '';
  return `${transfers.length} ${transfers.length === 1 ? 'transfer' : 'transfers'} finished`;
}
