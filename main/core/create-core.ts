// Assembles the Electron-free core: the event hub, the engine connection, the services and the router that
// serves the contract. The Electron shell and `serve` mode each create one and attach a transport to it.
import { homedir } from 'node:os';
import { version } from '../../package.json';
import type { AppInfo } from '../shared/contract';
import { ComposeService } from './compose/compose-service';
import { composeHandlers } from './compose/compose-handlers';
import { UnexpectedExits } from './notices/unexpected-exits';
import { recordingHandlers } from './recording/recording-handlers';
import { StatsAlerts } from './recording/stats-alerts';
import { StatsRecorder, type RecorderStoreOptions } from './recording/stats-recorder';
import { ContainersService } from './containers/containers-service';
import { lifecycleHandlers } from './containers/lifecycle-handlers';
import type { EngineLink } from './connection/engine-link';
import { buildDiagnostics } from './engines/diagnostics';
import { EngineRegistry } from './engines/engine-registry';
import { machineInstallFacts } from './engines/install/install-facts';
import { InstallService } from './engines/install/install-service';
import { machineSetupOptions } from './engines/setup-facts';
import type { IdleTiming } from './engines/vm/idle-stop';
import { ExecSessions } from './exec/exec-sessions';
import { execHandlers } from './exec/exec-handlers';
import { EventHub } from './ipc/event-hub';
import { Router, type Handlers } from './ipc/router';
import type { Logger } from './logger';
import { inspectHandlers } from './inspect/inspect-handlers';
import { ImagesService } from './resources/images-service';
import { NetworksService } from './resources/networks-service';
import { networksHandlers } from './networks/networks-handlers';
import { VolumesService } from './resources/volumes-service';
import { StatsService, type StatsCollectorChoice } from './stats/stats-service';
import { LimitsService } from './limits/limits-service';
import { logsHandlers } from './logs/logs-handlers';
import { LogsService } from './logs/logs-service';
import { credentialsFileFor, EncryptedCredentials } from './registries/encrypted-credentials';
import { RegistriesService } from './registries/registries-service';
import type { SecretCipher } from './registries/secret-cipher';
import { ReplicasService } from './run/replicas-service';
import { RunService } from './run/run-service';
import { SettingsStore } from './settings/settings-store';
import { StreamRegistry } from './streams/stream-registry';
import { BuildService } from './build/build-service';
import { buildHandlers } from './build/build-handlers';
import { volumeHandlers } from './volumes/volume-handlers';
import { filesHandlers } from './files/files-handlers';
import { TransferManager } from './transfers/transfer-manager';

export interface CoreOptions {
  log: Logger;
  /** Which transport the renderers of this process use. */
  transport: AppInfo['transport'];
  env?: NodeJS.ProcessEnv;
  /** Encrypts registry logins when the settings say 'encrypted': Electron safeStorage; none in `serve` mode. */
  secretCipher?: SecretCipher;
  /** Tests only: shortens VM engines' idle stop (check interval, length of a minute) so a real VM stops in seconds. */
  vmIdleTiming?: IdleTiming;
  /** Tests only: the stats history store's cap, clock and flush interval. */
  statsHistory?: RecorderStoreOptions;
}

/** `BERTH_STATS_COLLECTOR=api|cgroup|guest` forces a stats collector (benchmarks, tests); the default picks per engine. */
function statsCollectorFrom(env: NodeJS.ProcessEnv): StatsCollectorChoice {
  const value = env.BERTH_STATS_COLLECTOR;
  return value === 'api' || value === 'cgroup' || value === 'guest' ? value : 'auto';
}

export interface Core {
  router: Router;
  hub: EventHub;
  log: Logger;
  /** The active engine, as the services see it. */
  connection: EngineLink;
  engines: EngineRegistry;
  /** Berth's settings, for the desktop shell's own (start at login, notifications, the tray). */
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  /** A transport's client went away (socket closed, window reloaded): drop its per-client state. */
  releaseClient(clientId: string): void;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const { log } = options;
  const env = options.env ?? process.env;
  const hub = new EventHub();
  const secretCipher = options.secretCipher ?? null;
  const settings = new SettingsStore({ env, log, secretCipher });
  const engines = new EngineRegistry({ env, hub, log, settings, vmIdleTiming: options.vmIdleTiming });
  const connection = engines.active;
  const containers = new ContainersService(connection, hub, log, (id, protocol, port) =>
    engines.portProblem(id, protocol, port),
  );
  const images = new ImagesService(connection, hub, log);
  const volumes = new VolumesService(connection);
  const networks = new NetworksService(connection);
  const stats = new StatsService({ connection, hub, log, collector: statsCollectorFrom(env) });
  const recorder = new StatsRecorder({ env, hub, connection, stats, settings, log, store: options.statsHistory });
  const limits = new LimitsService({ connection, stats, log });
  const alerts = new StatsAlerts({ connection, hub, settings, log });
  const credentials = new EncryptedCredentials(credentialsFileFor(env), secretCipher);
  const registries = new RegistriesService({
    connection,
    env,
    log,
    berthStore: { credentials, storage: async () => (await settings.get()).registryCredentials },
  });
  const transfers = new TransferManager({ connection, hub, registries, log });
  const run = new RunService({
    connection,
    transfers,
    settings,
    log,
    sharedFolders: () => engines.activeSharedFolders(),
  });
  const replicas = new ReplicasService({ connection, run, log });
  const streams = new StreamRegistry(hub, { log });
  const execSessions = new ExecSessions({ connection, streams, log });
  const compose = new ComposeService({ env, connection, engines: () => engines.views(), streams, log });
  const build = new BuildService(connection, streams, log, (ended) => hub.emit('images:built', ended));
  // The first-run page's Install button; after a success the engine is looked for again (no restart).
  const installs = new InstallService({
    streams,
    log,
    env,
    facts: () => machineInstallFacts(env),
    afterInstall: () => connection.reconnect(),
  });

  // Containers that stopped by themselves with a failure, for the desktop shell's notifications.
  const exits = new UnexpectedExits((exit) => hub.emit('containers:exited', exit));
  const stopExitWatch = connection.onEngineEvent((event) => exits.onEngineEvent(event));

  const handlers: Handlers = {
    'app:info': async () => ({ version, transport: options.transport, platform: process.platform }),
    'engine:status': async () => connection.status,
    'engine:reconnect': () => connection.reconnect(),
    'engines:list': async () => engines.views(),
    'engines:set-active': (request) => engines.setActive(request.id),
    'engines:start': (request) => engines.startEngine(request.id),
    'engines:stop': (request) => engines.stopEngine(request.id),
    'engines:restart': (request) => engines.restartEngine(request.id),
    'engines:add-owned': (request) => engines.addOwned(request.name, request.runAs),
    'engines:set-run-as': (request) => engines.setRunAs(request.id, request.runAs),
    'engines:add-remote': (request) => engines.addRemote(request),
    'engines:add-vm': (request) => engines.addVm(request),
    'engines:remove': (request) => engines.remove(request.id, request.deleteData ?? false),
    'engines:trust-host-key': (request) => engines.trustHostKey(request.id, request.fingerprint),
    'engines:logs': async (request) => engines.logs(request.id),
    'engines:disk-usage': (request) => engines.diskUsage(request.id),
    'engines:vm-usage': (request) => engines.vmUsage(request.id),
    'engines:vm-compact': (request) => engines.vmCompact(request.id),
    'engines:vm-shared-folders': (request) => engines.setVmSharedFolders(request.id, request.folders),
    'engines:setup-options': () => machineSetupOptions(env),
    'setup:install-engine': (request, client) => installs.install(client.id, request.streamId),
    'setup:cancel-install': async () => installs.cancel(),
    'engines:diagnostics': async () => ({
      text: await buildDiagnostics({
        version,
        transport: options.transport,
        env,
        engines: engines.views(),
        settings: { ...(await settings.get()), ...(await settings.engines()) },
        logs: (id) => engines.logs(id),
        homedir: env.HOME || homedir(),
      }),
    }),
    'containers:list': (request) => containers.list({ all: request.all ?? true }),
    'containers:start': (request) => containers.start(request.id),
    'containers:stop': (request) => containers.stop(request.id, request.timeoutSeconds),
    'containers:remove': (request) => containers.remove(request.id, request.force ?? false, request.volumes ?? false),
    'stats:watch': (request, client) => stats.watch(client.id, request),
    'limits:get': (request) => limits.get(request.id),
    'limits:apply': (request) => limits.apply(request.id, request.change, request.acknowledgeBelowUsage ?? false),
    'limits:undo': (request) => limits.undo(request.id, request.acknowledgeBelowUsage ?? false),
    'limits:apply-bulk': (request) =>
      limits.applyBulk(request.ids, request.change, request.acknowledgeBelowUsage ?? false),
    'limits:suggest': (request) => limits.suggest(request.id),
    'images:list': () => images.list(),
    'images:inspect': (request) => images.inspect(request.id),
    'images:history': (request) => images.history(request.id),
    'images:remove': (request) => images.remove(request.id, request.force ?? false),
    'images:prune': (request) => images.prune(request.all),
    'images:tag': (request) => images.tag(request.id, request.repository, request.tag),
    'images:pull': (request) => transfers.pull(request.reference),
    'images:push': (request) => transfers.push(request.reference),
    'transfers:list': async () => transfers.list(),
    'transfers:cancel': async (request) => transfers.cancel(request.id),
    'transfers:dismiss': async (request) => transfers.dismiss(request.id),
    'registries:list': () => registries.list(),
    'registries:login': (request) => registries.login(request.registry, request.username, request.password),
    'registries:logout': (request) => registries.logout(request.registry),
    'containers:run': (request) => run.run(request.spec, request.replicas ?? 1),
    'containers:run-quick': (request) => run.quickRun(request.image),
    'containers:create': async (request) => {
      const [created] = await run.run(request.spec, 1, { start: false });
      if (!created) throw new Error('[run] the create made no container');
      return created;
    },
    'replicas:list': () => replicas.list(),
    'replicas:scale': (request) => replicas.scale(request.name, request.replicas),
    'settings:get': async () => settings.view(await settings.get()),
    'settings:update': async (request) => {
      const updated = settings.view(await settings.update(request));
      recorder.apply(updated.settings);
      // VM engines' forwarded ports follow Settings → Published ports.
      if (request.publishInterface) engines.resyncPorts();
      return updated;
    },
    'volumes:list': () => volumes.list(),
    'networks:list': () => networks.list(),
    ...execHandlers(execSessions),
    ...composeHandlers(compose, env),
    ...networksHandlers(networks),
    ...lifecycleHandlers({ connection, lifecycle: containers.lifecycle, log }),
    ...logsHandlers(new LogsService(connection, streams)),
    ...inspectHandlers({ connection, portProblem: (id, protocol, port) => engines.portProblem(id, protocol, port) }),
    ...buildHandlers(build),
    ...volumeHandlers(volumes),
    ...filesHandlers({ connection }),
    ...recordingHandlers({ recorder, stats, connection, log }),
    'streams:close': async (request, client) => streams.close(request.id, client.id),
  };

  engines.start().catch((error: unknown) => log.error('[engines] could not set up the engines', error));
  return {
    router: new Router(handlers, log),
    hub,
    log,
    connection,
    engines,
    settings,
    releaseClient: (clientId) => {
      stats.releaseClient(clientId);
      execSessions.releaseClient(clientId);
      streams.releaseClient(clientId);
    },
    close: async () => {
      stopExitWatch();
      execSessions.dispose();
      alerts.dispose();
      streams.dispose();
      limits.dispose();
      transfers.dispose();
      images.dispose();
      await stats.dispose();
      // After the stats: the last tick is in, and every buffered row gets written.
      await recorder.close();
      containers.dispose();
      await engines.close();
    },
  };
}
