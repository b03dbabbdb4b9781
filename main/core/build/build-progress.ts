// Reads the engine's build progress (newline-delimited JSON: `stream` text, `status` lines of a pull during
// FROM, `aux.ID` the built image, `error`/`errorDetail` the failure) into text for the stream, remembering the
// step being run so a failure can say which step failed.
import type { StreamFd } from '../../shared/stream-types';

interface BuildFrame {
  stream?: unknown;
  status?: unknown;
  id?: unknown;
  progress?: unknown;
  aux?: { ID?: unknown } | null;
  error?: unknown;
  errorDetail?: { message?: unknown; code?: unknown } | null;
}

export interface BuildFailure {
  /** The `Step N/M : …` line of the failing step, or null when it failed before any step (e.g. a bad Dockerfile). */
  step: string | null;
  message: string;
  /** The failing command's exit code, when the engine sends one. */
  exitCode: number | null;
}

export class BuildProgress {
  step: string | null = null;
  imageId: string | null = null;
  failure: BuildFailure | null = null;
  /** "Successfully built <short id>": the classic builder's own line, used when no `aux.ID` came. */
  private shortId: string | null = null;

  constructor(private readonly write: (fd: StreamFd, text: string) => void) {}

  frame(value: unknown): void {
    if (!value || typeof value !== 'object') return;
    const frame = value as BuildFrame;
    if (typeof frame.stream === 'string') this.text(frame.stream);
    if (typeof frame.status === 'string') {
      const parts = [frame.id, frame.status, frame.progress].filter((part) => typeof part === 'string' && part);
      this.write('stdout', `${parts.join(' ')}\n`);
    }
    if (frame.aux && typeof frame.aux.ID === 'string') this.imageId = frame.aux.ID;
    const message =
      typeof frame.errorDetail?.message === 'string'
        ? frame.errorDetail.message
        : typeof frame.error === 'string'
          ? frame.error
          : null;
    if (message !== null) {
      const code = frame.errorDetail?.code;
      this.failure = { step: this.step, message: message.trim(), exitCode: typeof code === 'number' ? code : null };
      this.write('stderr', `${message.trim()}\n`);
    }
  }

  /** A line the engine did not send as JSON; shown as it is. */
  raw(line: string): void {
    this.write('stdout', `${line}\n`);
  }

  /** The built image's id, full when the engine sent it, else the short id of "Successfully built". */
  get builtId(): string | null {
    return this.imageId ?? this.shortId;
  }

  private text(text: string): void {
    this.write('stdout', text);
    for (const line of text.split('\n')) {
      if (/^Step \d+\/\d+ : /.test(line)) this.step = line.trim();
      const built = /^Successfully built ([0-9a-f]+)/.exec(line);
      if (built) this.shortId = built[1]!;
    }
  }
}

/** What the user sees when a build fails: the step and the engine's message. */
export function failureMessage(failure: BuildFailure): string {
  return failure.step
    ? `The build failed at ${failure.step}: ${failure.message}`
    : `The build failed: ${failure.message}`;
}
