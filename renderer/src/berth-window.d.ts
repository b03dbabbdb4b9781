// What the Electron preload exposes on `window`: exactly the raw transport, nothing else. Absent in a browser.
import type { RawTransport } from '@shared/transport';

declare global {
  interface Window {
    readonly berth?: RawTransport;
  }
}

export {};
