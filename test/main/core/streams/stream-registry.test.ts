import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { StreamRegistry, type StreamSink } from '../../../../main/core/streams/stream-registry';
import { BerthError } from '../../../../main/shared/errors';

const idA = '00000000-0000-4000-8000-00000000000a';
const idB = '00000000-0000-4000-8000-00000000000b';

function recordingHub() {
  const hub = new EventHub();
  const events: { event: string; payload: unknown; to?: string }[] = [];
  hub.subscribe((event, payload, to) => events.push({ event, payload, to }));
  return { hub, events };
}

describe('StreamRegistry', () => {
  let registry: StreamRegistry | undefined;
  afterEach(() => registry?.dispose());

  it('batches writes into one event per flush, for the opening client only, then ends once', async () => {
    vi.useFakeTimers();
    try {
      const { hub, events } = recordingHub();
      registry = new StreamRegistry(hub, { flushMs: 50 });
      let sink!: StreamSink;
      await registry.open('client-1', idA, 'test', (given) => {
        sink = given;
        return () => undefined;
      });
      for (let line = 0; line < 1000; line += 1) sink.write('stdout', `line ${line}\n`);
      sink.write('stderr', 'oops\n');
      vi.advanceTimersByTime(60);
      sink.end({ exitCode: 3 });
      sink.end({ exitCode: 4 });
      expect(events.map((each) => [each.event, each.to])).toEqual([
        ['stream:data', 'client-1'],
        ['stream:end', 'client-1'],
      ]);
      const data = events[0].payload as { chunks: { fd: string; text: string }[] };
      expect(data.chunks.map((chunk) => chunk.fd)).toEqual(['stdout', 'stderr']);
      expect(data.chunks[0].text.split('\n')).toHaveLength(1001);
      expect(events[1].payload).toEqual({ id: idA, error: null, exitCode: 3 });
      expect(registry.openCount).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends at once when a stream buffers more than flushChars', async () => {
    const { hub, events } = recordingHub();
    registry = new StreamRegistry(hub, { flushMs: 60_000, flushChars: 100 });
    await registry.open('c', idA, 'test', (sink) => {
      sink.write('stdout', 'x'.repeat(150));
      return () => undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0].event).toBe('stream:data');
  });

  it('stops the source on close by its client, not by another client, and on the client going away', async () => {
    const { hub, events } = recordingHub();
    registry = new StreamRegistry(hub);
    const stopA = vi.fn();
    const stopB = vi.fn();
    await registry.open('c1', idA, 'a', () => stopA);
    await registry.open('c1', idB, 'b', () => stopB);
    registry.close(idA, 'c2');
    expect(stopA).not.toHaveBeenCalled();
    expect(registry.owns(idA, 'c2')).toBe(false);
    expect(registry.owns(idA, 'c1')).toBe(true);
    registry.close(idA, 'c1');
    expect(stopA).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toMatchObject({ event: 'stream:end', to: 'c1' });
    registry.releaseClient('c1');
    expect(stopB).toHaveBeenCalledTimes(1);
    // A gone client is told nothing more.
    expect(events.filter((each) => each.event === 'stream:end')).toHaveLength(1);
  });

  it('refuses an id already open, and leaves nothing open when the source fails to start', async () => {
    const { hub } = recordingHub();
    registry = new StreamRegistry(hub);
    await registry.open('c', idA, 'a', () => () => undefined);
    await expect(registry.open('c', idA, 'again', () => () => undefined)).rejects.toBeInstanceOf(BerthError);
    await expect(
      registry.open('c', idB, 'broken', async () => {
        throw new Error('no such container');
      }),
    ).rejects.toThrow('no such container');
    expect(registry.openCount).toBe(1);
  });

  it('stops a source whose stream ended while it was starting, and reports the error', async () => {
    const { hub, events } = recordingHub();
    registry = new StreamRegistry(hub);
    const stop = vi.fn();
    await registry.open('c', idA, 'short', (sink) => {
      sink.write('stdout', 'last words\n');
      sink.end({ error: new BerthError('NOT_FOUND', 'gone') });
      return stop;
    });
    expect(stop).toHaveBeenCalledTimes(1);
    expect(events.map((each) => each.event)).toEqual(['stream:data', 'stream:end']);
    expect(events[1].payload).toMatchObject({ error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('sends the writes of an immediate stream after the current burst, without waiting for the timer', async () => {
    const { hub, events } = recordingHub();
    registry = new StreamRegistry(hub, { flushMs: 60_000 });
    let sink!: StreamSink;
    await registry.open(
      'c',
      idA,
      'terminal',
      (given) => {
        sink = given;
        return () => undefined;
      },
      { immediate: true },
    );
    sink.write('stdout', 'e');
    sink.write('stdout', 'cho');
    expect(events).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([
      { event: 'stream:data', payload: { id: idA, chunks: [{ fd: 'stdout', text: 'echo' }] }, to: 'c' },
    ]);
    // A client gone before the burst ended hears nothing.
    sink.write('stdout', 'late');
    registry.releaseClient('c');
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(1);
  });
});
