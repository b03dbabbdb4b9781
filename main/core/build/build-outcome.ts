// How a build ended, told once to whoever listens (the core turns it into `images:built` for the desktop
// shell's notifications): a sink that passes everything through and reports its end, and the cancel that
// closing the stream means.
import type { BuildEnded } from '../../shared/notice-types';
import { parseBuiltImage } from '../../shared/build-types';
import { toErrorInfo } from '../connection/engine-errors';
import type { StreamSink } from '../streams/stream-registry';

export type BuildEndedListener = (ended: BuildEnded) => void;

export interface BuildOutcome {
  /** The sink the build writes to: its end reports `built` (exit code 0) or `failed` (an error). */
  sink: StreamSink;
  /** The client closed the stream before it ended: reports `cancelled`. */
  cancelled(): void;
}

export function watchBuildOutcome(
  sink: StreamSink,
  facts: { tag: string | null; folder: string },
  listener: BuildEndedListener | undefined,
): BuildOutcome {
  let reported = false;
  let imageId: string | null = null;
  const report = (outcome: BuildEnded['outcome'], error: string | null) => {
    if (reported || !listener) return;
    reported = true;
    listener({ ...facts, outcome, imageId: outcome === 'built' ? imageId : null, error, t: Date.now() });
  };
  const watched: StreamSink = {
    write: (fd, text) => {
      // The stream's last system line names the image built (build-types.ts shares its format).
      const built = fd === 'system' ? parseBuiltImage(text) : null;
      if (built) imageId = built.id;
      sink.write(fd, text);
    },
    end: (result) => {
      if (!sink.closed) {
        if (result?.error !== undefined && result.error !== null) report('failed', toErrorInfo(result.error).message);
        else report('built', null);
      }
      sink.end(result);
    },
    get closed() {
      return sink.closed;
    },
  };
  return { sink: watched, cancelled: () => report('cancelled', null) };
}
