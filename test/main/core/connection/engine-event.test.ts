import { describe, expect, it } from 'vitest';
import { parseEngineEvent } from '../../../../main/core/connection/engine-event';

describe('parseEngineEvent', () => {
  it('keeps Type, Action, Actor and time of a Docker 20.10 event', () => {
    const raw = {
      status: 'start',
      id: 'abc',
      from: 'busybox',
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'abc', Attributes: { image: 'busybox', name: 'web', exitCode: 0 } },
      scope: 'local',
      time: 1700000000,
      timeNano: 1_700_000_000_000_000_000,
    };
    expect(parseEngineEvent(raw)).toEqual({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'abc', Attributes: { image: 'busybox', name: 'web' } },
      time: 1700000000,
      timeNano: 1_700_000_000_000_000_000,
      scope: 'local',
    });
  });

  it('maps an old-style event (status/id only) to a container event', () => {
    expect(parseEngineEvent({ status: 'die', id: 'abc', time: 5 })).toEqual({
      Type: 'container',
      Action: 'die',
      Actor: { ID: 'abc', Attributes: {} },
      time: 5,
    });
  });

  it.each([null, 42, 'start', [], {}, { Type: 'container' }])('rejects %j', (value) => {
    expect(parseEngineEvent(value)).toBeNull();
  });
});
