// What the manager decides before the engine is asked: malformed references are refused with
// INVALID_REFERENCE (the engine client must not even be fetched), and unknown ids are NOT_FOUND.
import { describe, expect, it } from 'vitest';
import type { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import type { RegistriesService } from '../../../../main/core/registries/registries-service';
import { TransferManager } from '../../../../main/core/transfers/transfer-manager';
import { BerthError } from '../../../../main/shared/errors';

function managerWithoutEngine() {
  const calls: string[] = [];
  const connection = {
    client: () => {
      calls.push('client');
      throw new Error('the engine must not be asked');
    },
  } as unknown as EngineConnection;
  const registries = { authFor: async () => calls.push('authFor') } as unknown as RegistriesService;
  const hub = new EventHub();
  hub.subscribe((event) => calls.push(event));
  return { manager: new TransferManager({ connection, hub, registries, log: silentLogger }), calls };
}

describe('TransferManager before the engine', () => {
  it.each(['Nginx', 'a:b:c', 'foo@sha256:123', '', 'nginx:'])(
    'refuses %j with INVALID_REFERENCE, asking nothing',
    async (reference) => {
      const { manager, calls } = managerWithoutEngine();
      const error = await manager.pull(reference).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(BerthError);
      expect(error).toMatchObject({ code: 'INVALID_REFERENCE' });
      expect((error as Error).message).toContain('is not an image reference docker accepts');
      expect(calls).toEqual([]);
      expect(manager.list()).toEqual([]);
    },
  );

  it('refuses to push a digest', async () => {
    const { manager, calls } = managerWithoutEngine();
    await expect(manager.push(`nginx@sha256:${'a'.repeat(64)}`)).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
      message: expect.stringContaining('push needs a tag'),
    });
    expect(calls).toEqual([]);
  });

  it('unknown ids: cancel and finished are NOT_FOUND, dismiss is idempotent', async () => {
    const { manager } = managerWithoutEngine();
    expect(() => manager.cancel('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    await expect(manager.finished('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(manager.dismiss('nope')).toEqual({ id: 'nope' });
  });
});
