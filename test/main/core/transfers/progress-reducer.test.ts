// The progress fold on line sequences as engine 20.10 writes them for pulls and pushes.
import { describe, expect, it } from 'vitest';
import {
  describeLeftOver,
  foldLine,
  newTransfer,
  reachedEnd,
  type ProgressLine,
} from '../../../../main/core/transfers/progress-reducer';
import type { Transfer } from '../../../../main/shared/transfer-types';

const digest = `sha256:${'d'.repeat(64)}`;
const start = (kind: 'pull' | 'push'): Transfer =>
  newTransfer({ id: 't1', kind, requested: 'x', reference: '127.0.0.1:5000/x:latest', purpose: 'user', startedAt: 1 });
const fold = (transfer: Transfer, lines: ProgressLine[]) => lines.map((line) => foldLine(transfer, line));

const pullLines: ProgressLine[] = [
  { status: 'Pulling from x', id: 'latest' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'aaaaaaaaaaaa' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'bbbbbbbbbbbb' },
  { status: 'Already exists', progressDetail: {}, id: 'cccccccccccc' },
  { status: 'Waiting', progressDetail: {}, id: 'bbbbbbbbbbbb' },
  { status: 'Downloading', progressDetail: { current: 400, total: 1000 }, id: 'aaaaaaaaaaaa' },
  { status: 'Downloading', progressDetail: { current: 900, total: 1000 }, id: 'aaaaaaaaaaaa' },
  { status: 'Verifying Checksum', progressDetail: {}, id: 'aaaaaaaaaaaa' },
  { status: 'Download complete', progressDetail: {}, id: 'aaaaaaaaaaaa' },
  { status: 'Downloading', progressDetail: { current: 50, total: 500 }, id: 'bbbbbbbbbbbb' },
];

describe('foldLine for a pull', () => {
  it('tracks each layer phase and bytes, and the totals over known layers', () => {
    const t = start('pull');
    fold(t, pullLines);
    expect(t.layers.map((l) => [l.id, l.phase, l.currentBytes, l.totalBytes])).toEqual([
      ['aaaaaaaaaaaa', 'downloaded', 1000, 1000],
      ['bbbbbbbbbbbb', 'downloading', 50, 500],
      ['cccccccccccc', 'already-exists', 0, null],
    ]);
    expect(t).toMatchObject({ currentBytes: 1050, totalBytes: 1500, totalKnown: true, status: 'Pulling from x' });
    expect(describeLeftOver(t)).toBe('1 of 3 layers was downloaded (1 was already there); no image was tagged');
  });

  it('totals are not known while a layer has not said its size', () => {
    const t = start('pull');
    fold(t, pullLines.slice(0, 6));
    expect(t.totalKnown).toBe(false);
    expect(t.totalBytes).toBe(1000);
  });

  it('extracting counts extracted bytes; pull complete finishes the layer; a late line does not go back', () => {
    const t = start('pull');
    fold(t, [
      ...pullLines,
      { status: 'Extracting', progressDetail: { current: 500, total: 1000 }, id: 'aaaaaaaaaaaa' },
      { status: 'Pull complete', progressDetail: {}, id: 'aaaaaaaaaaaa' },
      { status: 'Downloading', progressDetail: { current: 10, total: 1000 }, id: 'aaaaaaaaaaaa' },
    ]);
    expect(t.layers[0]).toMatchObject({
      phase: 'complete',
      currentBytes: 1000,
      extractedBytes: 1000,
      status: 'Downloading',
    });
  });

  it('reads the digest and the final status, which marks the end', () => {
    const t = start('pull');
    fold(t, [...pullLines, { status: `Digest: ${digest}` }]);
    expect(reachedEnd(t)).toBe(false);
    fold(t, [{ status: 'Status: Downloaded newer image for 127.0.0.1:5000/x:latest' }]);
    expect(t.digest).toBe(digest);
    expect(reachedEnd(t)).toBe(true);
    expect(t.status).toBe('Status: Downloaded newer image for 127.0.0.1:5000/x:latest');
  });

  it('hands back the engine error of an error line', () => {
    const t = start('pull');
    const results = fold(t, [{ errorDetail: { message: 'unexpected EOF' }, error: 'unexpected EOF' }]);
    expect(results).toEqual([{ changed: true, error: 'unexpected EOF' }]);
  });

  it('ignores lines it does not know and values without a status', () => {
    const t = start('pull');
    expect(foldLine(t, {})).toEqual({ changed: false, error: null });
    fold(t, [{ status: 'Retrying in 5 seconds', id: 'aaaaaaaaaaaa' }]);
    expect(t.layers[0]).toMatchObject({ phase: 'downloading', status: 'Retrying in 5 seconds' });
  });

  it('nothing downloaded yet is said so', () => {
    expect(describeLeftOver(start('pull'))).toBe('nothing was downloaded; no image was tagged');
  });
});

describe('foldLine for a push', () => {
  it('tracks pushing, pushed and mounted layers, and the digest of the final line', () => {
    const t = start('push');
    fold(t, [
      { status: 'The push refers to repository [127.0.0.1:5000/x]' },
      { status: 'Preparing', progressDetail: {}, id: '111111111111' },
      { status: 'Preparing', progressDetail: {}, id: '222222222222' },
      { status: 'Preparing', progressDetail: {}, id: '333333333333' },
      { status: 'Pushing', progressDetail: { current: 512, total: 2048 }, id: '111111111111' },
      { status: 'Layer already exists', progressDetail: {}, id: '222222222222' },
      { status: 'Mounted from other/repo', progressDetail: {}, id: '333333333333' },
    ]);
    expect(t.layers.map((l) => l.phase)).toEqual(['pushing', 'already-exists', 'already-exists']);
    expect(describeLeftOver(t)).toBe(
      '0 of 3 layers were uploaded (2 were already there); the registry tag was not changed',
    );
    fold(t, [
      { status: 'Pushed', progressDetail: {}, id: '111111111111' },
      { status: `latest: digest: ${digest} size: 739` },
      { progressDetail: {}, aux: { Digest: digest } },
    ]);
    expect(t.layers[0]).toMatchObject({ phase: 'pushed', currentBytes: 2048 });
    expect(t.digest).toBe(digest);
    expect(reachedEnd(t)).toBe(true);
  });
});
