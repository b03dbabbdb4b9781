import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../main/core/connection/engine-event';
import { UnexpectedExits } from '../../../../main/core/notices/unexpected-exits';
import type { ContainerExited } from '../../../../main/shared/notice-types';

const event = (Action: string, id = 'c1', Attributes: Record<string, string> = {}): EngineEvent => ({
  Type: 'container',
  Action,
  Actor: { ID: id, Attributes: { name: 'web', ...Attributes } },
  time: 1_700_000_000,
});

function watch() {
  const raised: ContainerExited[] = [];
  const exits = new UnexpectedExits((exit) => raised.push(exit));
  return { raised, feed: (...events: EngineEvent[]) => events.forEach((e) => exits.onEngineEvent(e)) };
}

describe('unexpected exits', () => {
  it('raises a non-zero exit nobody asked for, with the name and code', () => {
    const { raised, feed } = watch();
    feed(event('start'), event('die', 'c1', { exitCode: '3' }));
    expect(raised).toMatchObject([{ id: 'c1', name: 'web', exitCode: 3, oomKilled: false }]);
  });

  it('stays quiet for a clean exit and for a stop or kill somebody asked for', () => {
    const { raised, feed } = watch();
    feed(event('start'), event('die', 'c1', { exitCode: '0' }));
    feed(event('start'), event('kill', 'c1', { signal: '15' }), event('die', 'c1', { exitCode: '143' }));
    feed(event('start'), event('kill', 'c1', { signal: '9' }), event('die', 'c1', { exitCode: '137' }));
    expect(raised).toEqual([]);
  });

  it('raises an OOM kill, and forgets an earlier stop once the container starts again', () => {
    const { raised, feed } = watch();
    feed(event('kill', 'c1'), event('start'), event('oom'), event('die', 'c1', { exitCode: '137' }));
    expect(raised).toMatchObject([{ exitCode: 137, oomKilled: true }]);
  });

  it('ignores other objects’ events', () => {
    const { raised, feed } = watch();
    feed({ ...event('die', 'n1', { exitCode: '1' }), Type: 'network' });
    expect(raised).toEqual([]);
  });
});
