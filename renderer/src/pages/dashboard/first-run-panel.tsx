// The Dashboard on a machine without any engine: instead of an empty page, the ways to get one for this
// system (engines:setup-options): the distribution's engine (the exact command to copy, and an Install button
// that runs it through Berth's installer where it can; Berth connects by itself once it runs), Berth's own
// engine, a Berth VM (what it needs, how long its first start takes), or a remote engine over SSH. Choosing one
// adds it and makes it active: no restart.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { SetupOptions } from '@shared/setup-types';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation, useChannelQuery } from '../../data/channel-query';
import { copyText } from '../engine/clipboard';
import type { Parsed } from '../engine/engine-form';
import { defaultVmSize, hostCpuCount, parseVmSize } from '../engine/vm-size-fields';
import { InstallEngine } from './install-engine';

/** No engine but the one Berth looks for in the environment, and that one is not there. */
export function needsFirstRun(engines: ReadonlyArray<{ kind: string }> | undefined, connected: boolean): boolean {
  return !connected && engines !== undefined && engines.every((engine) => engine.kind === 'existing');
}

export function FirstRunPanel() {
  const options = useChannelQuery('engines:setup-options', {}, { staleTime: Infinity }).data;
  return (
    <section className="panel first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">No engine yet: choose one</h2>
      <p>
        Berth shows and tunes the containers of a container engine, and none runs here
        {options?.systemName ? ` on ${options.systemName}` : ''}. Any of these gets you one.
      </p>
      {options && <Choices options={options} />}
    </section>
  );
}

function Choices({ options }: { options: SetupOptions }) {
  const setActive = useChannelMutation('engines:set-active');
  const addOwned = useChannelMutation('engines:add-owned', (view) => setActive.mutate({ id: view.id }));
  const addVm = useChannelMutation('engines:add-vm', (view) => setActive.mutate({ id: view.id }));
  const pending = addOwned.isPending || addVm.isPending || setActive.isPending;
  const failure = addOwned.error ?? addVm.error ?? setActive.error;
  const vmSize = parseVmSize(defaultVmSize(hostCpuCount()), hostCpuCount());
  const sized = (parsed: Parsed, fallback: number) => (parsed.ok ? parsed.value : fallback);
  return (
    <ol className="first-run-choices">
      {options.distroEngine && (
        <li>
          <h3>Install {options.distroEngine.name} from your distribution</h3>
          <CommandLine command={options.distroEngine.command} />
          <p className="muted">Berth connects by itself as soon as it runs.</p>
          <InstallEngine offer={options.distroEngine.install} name={options.distroEngine.name} />
        </li>
      )}
      <li>
        <h3>Berth’s own engine</h3>
        {options.berthEngine.available ? (
          <>
            <p className="muted">A dockerd Berth starts and stops itself, with its own data and network.</p>
            <Button className="button" isDisabled={pending} onPress={() => addOwned.mutate({ name: 'berth' })}>
              Use Berth’s own engine
            </Button>
          </>
        ) : (
          <p className="muted">Not here: {options.berthEngine.reason}</p>
        )}
      </li>
      <li>
        <h3>A Berth VM</h3>
        <p className="muted">
          A small Linux VM with an engine inside, with your home folder shared and ports published on this machine.{' '}
          {options.vm.firstStart}
        </p>
        {options.vm.available ? (
          <Button
            className="button"
            isDisabled={pending}
            onPress={() =>
              addVm.mutate({
                name: 'vm',
                cpus: sized(vmSize.cpus, 1),
                memoryMiB: sized(vmSize.memoryMiB, 2048),
                diskGiB: sized(vmSize.diskGiB, 32),
              })
            }
          >
            Create a Berth VM
          </Button>
        ) : (
          <p className="muted">It needs: {options.vm.needs}</p>
        )}
      </li>
      <li>
        <h3>An engine on another machine</h3>
        <p className="muted">
          Over SSH, with the key you log in with: <Link to="/engine">Engine → Add engine → Remote over SSH</Link>.
        </p>
      </li>
      {failure && <ErrorAlert title="The engine was not added" message={failure.message} />}
    </ol>
  );
}

function CommandLine({ command }: { command: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="first-run-command">
      <code>{command}</code>
      <Button className="button button-quiet" onPress={() => void copyText(command).then(setCopied)}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
      {copied === false && <span className="muted">Select the command and copy it by hand.</span>}
    </div>
  );
}
