// Transfers as the core reports them, for the summary, the renderer's transfer store and formatting tests.
import type { LayerProgress, Transfer } from '../../../main/shared/transfer-types';

export function transfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: 't1',
    kind: 'pull',
    requested: 'busybox',
    reference: 'docker.io/library/busybox:latest',
    purpose: 'user',
    state: 'running',
    startedAt: 1_000,
    finishedAt: null,
    layers: [],
    currentBytes: 0,
    totalBytes: 0,
    totalKnown: false,
    status: '',
    digest: null,
    error: null,
    leftOver: null,
    ...overrides,
  };
}

export function layer(overrides: Partial<LayerProgress> = {}): LayerProgress {
  return {
    id: 'a1b2c3d4e5f6',
    phase: 'waiting',
    status: 'Waiting',
    currentBytes: 0,
    totalBytes: null,
    extractedBytes: 0,
    ...overrides,
  };
}
