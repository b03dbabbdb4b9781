// What the stats benchmark needs from any reader of live stats (the docker CLI or Berth): the processes
// whose CPU is its cost, and each sample as it arrives, with the time it arrived.

export interface Sample {
  /** Container id (Berth) or name (docker CLI): each reader keys samples the way it reports them. */
  key: string;
  /** CPU in % of one core; null when the reader has no value yet. */
  cpuPercent: number | null;
  /** Date.now() when the sample reached the benchmark. */
  at: number;
}

export interface StatsReader {
  readonly label: string;
  /** The reader's process and its descendants, for CPU accounting. */
  pids(): number[];
  /** Resident memory of those processes, in bytes. */
  rssBytes(): number;
  /**
   * Berth only: focuses these containers (`stats:watch`'s `focus`, as the container page does for the one it
   * charts), still watching every container; [] returns to nothing focused.
   */
  focus?(ids: string[]): Promise<void>;
  /** Listens to every sample; returns the function that stops listening. */
  onSample(listener: (sample: Sample) => void): () => void;
  stop(): Promise<void>;
}

/** A set of listeners that a reader fans samples out to. */
export class SampleFanout {
  private readonly listeners = new Set<(sample: Sample) => void>();

  add(listener: (sample: Sample) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(sample: Sample): void {
    for (const listener of this.listeners) listener(sample);
  }
}
