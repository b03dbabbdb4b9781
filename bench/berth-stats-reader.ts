// Berth as a stats reader: the built `berth serve` with a chosen collector, and one WebSocket client that
// asks for every container's stats (`stats:watch {all:true}`) and consumes the `stats:tick` events, as
// the renderer does; `focus` adds focused containers to that watch, as the container page does for the one it
// charts. The client runs in the benchmark's process; its CPU is not counted as Berth's.
import WebSocket from 'ws';
import type { StatsCollectorKind, StatsTick, StatsWatchResult } from '../main/shared/stats-types';
import { statsFields } from '../main/shared/stats-types';
import { startServe, type ServeProcess } from '../test/harness/serve-process';
import { rssBytes, withDescendants } from './proc-usage';
import { SampleFanout, type StatsReader } from './stats-reader';

const cpuIndex = statsFields.indexOf('cpuPercent');
const connectTimeoutMs = 30_000;

export interface BerthStatsReader extends StatsReader {
  watch: StatsWatchResult;
}

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

interface ServerFrame {
  type: 'reply' | 'event';
  id?: number | null;
  reply?: Reply;
  event?: string;
  payload?: unknown;
}

export async function startBerthStats(dockerHost: string, collector: StatsCollectorKind): Promise<BerthStatsReader> {
  const serve = await startServe(dockerHost, [], { BERTH_STATS_COLLECTOR: collector });
  try {
    return await connect(serve, collector);
  } catch (error) {
    console.warn(`[bench] serve output:\n${serve.output()}`);
    await serve.stop();
    throw error;
  }
}

async function connect(serve: ServeProcess, collector: StatsCollectorKind): Promise<BerthStatsReader> {
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/bridge?token=${encodeURIComponent(serve.token)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', (error) => reject(new Error(`[bench] cannot open the bridge: ${error.message}`)));
  });
  const fanout = new SampleFanout();
  const pending = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  socket.on('message', (data: WebSocket.RawData) => {
    const at = Date.now();
    const frame = JSON.parse(data.toString()) as ServerFrame;
    if (frame.type === 'reply' && typeof frame.id === 'number' && frame.reply) pending.get(frame.id)?.(frame.reply);
    else if (frame.event === 'stats:tick') {
      for (const sample of (frame.payload as StatsTick).samples)
        fanout.emit({ key: sample.id, cpuPercent: sample.v[cpuIndex] ?? null, at });
    }
  });
  const request = (channel: string, payload: unknown) =>
    new Promise<Reply>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`[bench] ${channel} got no reply within 30 s`)), 30_000);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(reply);
      });
      socket.send(JSON.stringify({ id, channel, payload }));
    });

  // serve prints its link before it has reached the engine; a renderer retries then too.
  const deadline = Date.now() + connectTimeoutMs;
  let reply = await request('stats:watch', { all: true });
  while (!reply.ok && reply.error.code === 'ENGINE_UNREACHABLE' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    reply = await request('stats:watch', { all: true });
  }
  if (!reply.ok) throw new Error(`[bench] stats:watch failed: ${reply.error.code}: ${reply.error.message}`);
  const watch = reply.data as StatsWatchResult;
  if (watch.collector !== collector)
    throw new Error(`[bench] asked for the ${collector} collector, serve uses ${watch.collector}`);
  console.info(`[bench] Berth ${collector}: watching ${watch.watching.length} containers every ${watch.intervalMs} ms`);

  return {
    label: `Berth ${collector}`,
    watch,
    focus: async (ids) => {
      const focused = await request('stats:watch', { all: true, focus: ids });
      if (!focused.ok)
        throw new Error(`[bench] stats:watch with focus failed: ${focused.error.code}: ${focused.error.message}`);
    },
    pids: () => withDescendants(serve.pid),
    rssBytes: () => withDescendants(serve.pid).reduce((sum, each) => sum + (rssBytes(each) ?? 0), 0),
    onSample: (listener) => fanout.add(listener),
    stop: async () => {
      socket.close();
      await serve.stop();
    },
  };
}
