// Says in the log what Berth does with its engines and how it ends, once: "no engine found …; starting
// Berth's own engine 'berth'" then "Berth's engine 'berth' is running (docker 20.10.24 …)", rather than each
// connection's every intermediate state (a normal first start used to print four alarming lines: no engine
// found, Berth's engine is stopped, no engine answers ENOENT, connected). Each engine's connection gets a
// logger from here: its status lines are held back while the registry decides (the discovered engine before
// the embedded-engine choice) and dropped while Berth is starting or stopping an engine it runs (the provider
// reports that itself); the narrator says when an engine connects.
import type { EngineStatus } from '../../shared/engine-types';
import type { ProviderState } from '../../shared/engine-manager-types';
import type { Logger } from '../logger';

/** The line EngineConnection logs on connecting; narrated here instead, with the engine's name. */
const CONNECTED_PREFIX = '[engine] connected to ';

export interface NarratedEngine {
  /** The engine's name when Berth runs it (a dockerd or a VM), null for engines it only connects to. */
  ownedName: string | null;
  state(): ProviderState;
}

export class StatusNarrator {
  private holding = true;
  private readonly held: string[] = [];

  constructor(private readonly log: Logger) {}

  /** The logger for one engine's connection. `discovered`: its status lines wait for `decided`. */
  connectionLog(engine: NarratedEngine, discovered: boolean): Logger {
    const { log } = this;
    return {
      info: (message) => {
        if (!message.startsWith(CONNECTED_PREFIX)) log.info(message);
      },
      warn: (message) => {
        if (discovered && this.holding) this.held.push(message);
        // Not running yet (or any more) because Berth is starting or stopping it: that is no problem to report.
        else if (engine.ownedName === null || engine.state() === 'running') log.warn(message);
      },
      error: (message, error) => log.error(message, error),
    };
  }

  /** The registry has decided what to do without a discovered engine: say it, or say what was held back. */
  decided(outcome: { startingOwn: string; searched: string[] } | null): void {
    this.holding = false;
    const held = this.held.splice(0);
    if (!outcome) {
      for (const line of held) this.log.warn(line);
      return;
    }
    const where = outcome.searched.length > 0 ? ` at ${outcome.searched.join(', ')}` : '';
    this.log.info(`[engines] no engine found${where}; starting Berth's own engine '${outcome.startingOwn}'`);
  }

  /** An engine's connection changed state: say when it connects. */
  statusChanged(engine: NarratedEngine, previous: EngineStatus['state'] | null, status: EngineStatus): void {
    if (status.state !== 'connected' || previous === 'connected') return;
    const { info, endpoint } = status;
    const what = `${info.product} ${info.version}, API ${info.apiVersion}`;
    if (engine.ownedName !== null)
      this.log.info(`[engines] Berth's engine '${engine.ownedName}' is running (${what}) at ${endpoint.host}`);
    else this.log.info(`[engine] connected to ${what} at ${endpoint.host}`);
  }
}
