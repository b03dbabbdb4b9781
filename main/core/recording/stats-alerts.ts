// Watches the active engine's containers for Settings' alert conditions and raises `stats:alert` on the hub:
// memory near its limit and CPU throttling from the live stats ticks (whoever asked for them: a window's watch
// or always-on recording), OOM kills from the ticks' counter and from the engine's own `oom` and `die` events,
// so a kill is caught even when nobody watched the container. The rules themselves are in alert-rules.ts.
import type { BerthSettings } from '../../shared/settings-types';
import { defaultStatsAlertSettings, type StatsAlertSettings } from '../../shared/stats-history-types';
import type { StatsTick } from '../../shared/stats-types';
import type { EngineEvent } from '../connection/engine-connection';
import { toErrorInfo } from '../connection/engine-errors';
import type { EngineLink } from '../connection/engine-link';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import { alertMessage } from './alert-message';
import { AlertRules, type Firing } from './alert-rules';

export interface StatsAlertsOptions {
  connection: Pick<EngineLink, 'client' | 'onEngineEvent' | 'onConnected'>;
  hub: Pick<EventHub, 'emit' | 'subscribe'>;
  settings: { get(): Promise<BerthSettings>; onChange(listener: (settings: BerthSettings) => void): () => void };
  log: Logger;
  /** Tests: a fake clock. */
  now?: () => number;
}

/** `docker run` reports a SIGKILLed main process as 128 + 9. */
const killedExitCode = '137';

export class StatsAlerts {
  private readonly rules = new AlertRules();
  private settings: StatsAlertSettings = defaultStatsAlertSettings;
  private readonly names = new Map<string, string>();
  private readonly now: () => number;
  private readonly stops: Array<() => void>;
  private disposed = false;

  constructor(private readonly options: StatsAlertsOptions) {
    this.now = options.now ?? Date.now;
    const { connection, hub, settings } = options;
    this.stops = [
      hub.subscribe((event, payload, to) => {
        if (event === 'stats:tick' && to === undefined) this.onTick(payload as StatsTick);
      }),
      connection.onEngineEvent((event) => this.onEngineEvent(event)),
      connection.onConnected(() => {
        this.rules.clear();
        this.names.clear();
      }),
      settings.onChange((saved) => this.apply(saved)),
    ];
    settings.get().then(
      (saved) => this.apply(saved),
      (error: unknown) => options.log.warn(`[alerts] could not read the alert settings: ${(error as Error).message}`),
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
  }

  private apply(saved: BerthSettings): void {
    this.settings = saved.statsAlerts ?? defaultStatsAlertSettings;
    this.rules.setSettings(this.settings);
  }

  private onTick(tick: StatsTick): void {
    const t = this.now();
    for (const sample of tick.samples)
      for (const firing of this.rules.sample(sample.id, t, sample.v)) this.raise(firing);
    for (const ended of tick.ended) this.rules.ended(ended.id);
    for (const id of tick.removed ?? []) this.forget(id);
  }

  private onEngineEvent(event: EngineEvent): void {
    const id = event.Actor.ID;
    if (event.Type !== 'container' || !id || this.disposed) return;
    const name = event.Actor.Attributes.name;
    if (name) this.names.set(id, name);
    const verb = event.Action.split(':', 1)[0].trim();
    if (verb === 'oom') this.oom(id);
    else if (verb === 'destroy') this.forget(id);
    else if (verb === 'die' && event.Actor.Attributes.exitCode === killedExitCode) void this.checkDie(id);
  }

  /** A SIGKILLed main process may have been the OOM killer's doing: the engine says so in the container's state. */
  private async checkDie(id: string): Promise<void> {
    try {
      const inspected = await this.options.connection.client().getContainer(id).inspect();
      if (inspected.State.OOMKilled) this.oom(id);
    } catch (error) {
      // Removed right after it died (`docker run --rm`): its `oom` event, if any, has said it already.
      if (toErrorInfo(error).code !== 'NOT_FOUND')
        this.options.log.warn(`[alerts] could not read how ${id.slice(0, 12)} died: ${toErrorInfo(error).message}`);
    }
  }

  private oom(id: string): void {
    const firing = this.rules.oomSignal(id, this.now());
    if (firing) this.raise(firing);
  }

  private forget(id: string): void {
    this.rules.forget(id);
    this.names.delete(id);
  }

  private raise(firing: Firing): void {
    const settings = this.settings;
    const t = this.now();
    void this.nameOf(firing.id).then((name) => {
      if (this.disposed) return;
      const message = alertMessage(name, firing, settings);
      this.options.log.info(`[alerts] ${message}`);
      this.options.hub.emit('stats:alert', { id: firing.id, name, condition: firing.condition, message, t });
    });
  }

  /** The container's name as the engine has it; its short id when the engine cannot say (removed meanwhile). */
  private async nameOf(id: string): Promise<string> {
    const known = this.names.get(id);
    if (known) return known;
    try {
      const name = (await this.options.connection.client().getContainer(id).inspect()).Name.replace(/^\//, '');
      this.names.set(id, name);
      return name;
    } catch (error) {
      this.options.log.warn(`[alerts] could not name ${id.slice(0, 12)}: ${toErrorInfo(error).message}`);
      return id.slice(0, 12);
    }
  }
}
