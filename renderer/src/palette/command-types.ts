// What the command palette lists and the keyboard runs: commands, each with an optional shortcut, produced by
// providers (navigation, containers, images, actions) from what the app knows right now.
import type { ContainerSummary } from '@shared/container-types';
import type { ImageSummary } from '@shared/image-types';

/**
 * A shortcut: a sequence of key chords, e.g. `['g', 'c']` (press g, then c) or `['Mod+k']` (Ctrl, or ⌘ on a Mac,
 * with K). A chord is a `KeyboardEvent.key` with optional `Mod+`/`Alt+` prefixes.
 */
export type Shortcut = readonly string[];

export type CommandSection = 'Navigation' | 'This container' | 'Containers' | 'Images' | 'Help';

export interface PaletteCommand {
  /** Unique and stable: the palette's item key. */
  id: string;
  title: string;
  section: CommandSection;
  /** Other words it is found by (an image name, a container id). */
  keywords?: readonly string[];
  shortcut?: Shortcut;
  /** Added to its match score: going to a thing ranks above acting on it when both match as well. */
  boost?: number;
  run(): void;
}

/** A container tab as the palette knows it (container-tabs.tsx is loaded lazily with the container page). */
export interface TabInfo {
  id: string;
  label: string;
}

/** What providers read and do. */
export interface PaletteContext {
  navigate(path: string): void;
  containers: readonly ContainerSummary[];
  images: readonly ImageSummary[];
  /** The container whose page is open, if any: its commands carry shortcuts. */
  current: ContainerSummary | null;
  tabs: readonly TabInfo[];
  tabPath(ref: string, tab: string): string;
  /** Runs a container action (confirming first when it asks to). */
  act(actionId: string, container: ContainerSummary): void;
  openPalette(): void;
  openHelp(): void;
}

export type CommandProvider = (context: PaletteContext) => PaletteCommand[];
