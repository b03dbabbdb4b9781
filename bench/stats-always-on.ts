// The always-on window of the stats benchmark (`always_on_pct`, issue 16): the built `berth serve` with the cgroup
// collector records every running container once a second while nobody watches (no client connected, no
// window open), and the window measures what its core costs, with the engine's extra CPU beside it. A bridge
// client asks `stats:recording` first, so the window starts only once recording covers every container, then
// disconnects: what is left running is exactly what a user's Berth does with no window open.
import type { StatsRecording } from '../main/shared/stats-history-types';
import { BridgeClient } from '../test/harness/bridge-client';
import type { PrivateEngine } from '../test/harness/private-engine';
import { startServe, type ServeProcess } from '../test/harness/serve-process';
import { rssBytes, withDescendants } from './proc-usage';
import type { StatsReader } from './stats-reader';
import { measureWindow, sleep, type WindowResult } from './stats-window';

const recordingTimeoutMs = 60_000;

/** Asks serve until it records `wanted` containers always-on; throws with what it said last. */
export async function waitForRecording(serve: ServeProcess, wanted: number): Promise<StatsRecording> {
  const client = await BridgeClient.connect(serve);
  try {
    let last: unknown = 'no answer';
    for (const deadline = Date.now() + recordingTimeoutMs; Date.now() < deadline; await sleep(500)) {
      const reply = await client.request('stats:recording', {});
      last = reply.ok ? reply.data : reply.error;
      if (!reply.ok) continue;
      const recording = reply.data as StatsRecording;
      if (recording.mode === 'always' && recording.recording >= wanted) return recording;
    }
    throw new Error(
      `[bench] serve did not record ${wanted} containers always-on within ${recordingTimeoutMs / 1000} s: ${JSON.stringify(last)}`,
    );
  } finally {
    await client.close();
  }
}

/** A reader with no client: only the serve process's CPU and memory are counted; it delivers no samples. */
function silentReader(serve: ServeProcess): StatsReader {
  return {
    label: 'Berth cgroup, nobody watching',
    pids: () => withDescendants(serve.pid),
    rssBytes: () => withDescendants(serve.pid).reduce((sum, each) => sum + (rssBytes(each) ?? 0), 0),
    onSample: () => () => undefined,
    stop: () => serve.stop(),
  };
}

/**
 * One window of `seconds` of Berth recording `keys`' containers always-on with nobody watching. `extraEnv` goes
 * to serve (bench/stats-profile.ts passes NODE_OPTIONS for a CPU profile).
 */
export async function alwaysOnWindow(
  engine: PrivateEngine,
  seconds: number,
  keys: Map<string, string>,
  settleSeconds: number,
  extraEnv: Record<string, string> = {},
): Promise<WindowResult> {
  const serve = await startServe(engine.dockerHost, [], { BERTH_STATS_COLLECTOR: 'cgroup', ...extraEnv });
  const reader = silentReader(serve);
  try {
    const recording = await waitForRecording(serve, new Set(keys.values()).size);
    console.info(`[bench] Berth records ${recording.recording} containers always-on (${recording.collector})`);
    // The client's goodbye and the first flushes of a new store are start-up, not steady recording.
    await sleep(settleSeconds * 1000);
    console.info(`[bench] ${reader.label} for ${seconds} s`);
    return await measureWindow(engine, reader, seconds, keys);
  } catch (error) {
    console.warn(`[bench] serve output:\n${serve.output().slice(-2000)}`);
    throw error;
  } finally {
    await reader.stop();
  }
}
