// The memory slider's scale. Containers need from a few MiB to many GiB, so a linear track up to the engine's
// memory would crowd every small container into its first pixels: the track is logarithmic instead, its stops
// round values (four per doubling: 64, 80, 96, 112, 128 MiB …) from 6 MiB up to the engine's memory.
import { MiB, MIN_MEMORY_BYTES } from '@shared/limits/limit-units';

/** Stops from 6 MiB to `maxBytes` (always included, as the last stop). */
export function memoryStops(maxBytes: number): number[] {
  const stops = [MIN_MEMORY_BYTES];
  for (let octave = 8 * MiB; octave < maxBytes; octave *= 2) {
    for (const factor of [1, 1.25, 1.5, 1.75]) {
      const stop = octave * factor;
      if (stop > stops[stops.length - 1] && stop < maxBytes) stops.push(stop);
    }
  }
  if (maxBytes > stops[stops.length - 1]) stops.push(maxBytes);
  return stops;
}

/** Where `bytes` sits on the stops, as a fractional index (between stops on a log scale), clamped to the ends. */
export function positionOf(bytes: number, stops: readonly number[]): number {
  if (bytes <= stops[0]) return 0;
  const last = stops.length - 1;
  if (bytes >= stops[last]) return last;
  let i = 0;
  while (stops[i + 1] < bytes) i += 1;
  return i + Math.log(bytes / stops[i]) / Math.log(stops[i + 1] / stops[i]);
}

/** The stop at a slider position (the slider moves one stop at a time). */
export function bytesAt(position: number, stops: readonly number[]): number {
  const index = Math.min(stops.length - 1, Math.max(0, Math.round(position)));
  return stops[index];
}
