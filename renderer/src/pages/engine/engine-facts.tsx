// What a connected engine reports about itself, and the docker CLI command that reaches it through the
// context Berth keeps for it.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { EngineInfo } from '@shared/engine-types';
import { Fact } from '../../components/fact';
import { useChannelQuery } from '../../data/channel-query';
import { formatGiB } from '../../format/bytes';
import { productName } from '../../format/engine-status';
import { recordingLine, retentionLine, storeLine } from '../../stats/history/recording-text';
import { copyText } from './clipboard';
import { cgroupText, containerCounts, dockerContextHint } from './engine-model';
import { useActiveContainers } from './use-active-containers';

/** `active`: the active engine, whose counts follow the live container list (containerCounts). */
export function EngineFacts({ info, active }: { info: EngineInfo; active: boolean }) {
  const live = useActiveContainers(active);
  const { total, running } = containerCounts(info, live);
  return (
    <dl className="facts">
      <Fact label="Version">{`${productName(info.product)} ${info.version}`}</Fact>
      <Fact label="API version">{info.apiVersion}</Fact>
      <Fact label="Operating system">{info.os}</Fact>
      <Fact label="Kernel">{info.kernelVersion}</Fact>
      <Fact label="Architecture">{info.architecture}</Fact>
      <Fact label="CPUs">{`${info.cpus} ${info.cpus === 1 ? 'core' : 'cores'}`}</Fact>
      <Fact label="Memory">{formatGiB(info.memoryBytes)}</Fact>
      <Fact label="Storage driver">{info.storageDriver}</Fact>
      <Fact label="Cgroup">{cgroupText(info.cgroupVersion, info.cgroupDriver)}</Fact>
      <Fact label="Containers">{`${running} running of ${total}`}</Fact>
      {/* The engine's own count takes in intermediate images (`docker images -a`), which the Images page and the
          Dashboard leave out: said, so 3 here beside 1 there is not read as a mistake. */}
      <Fact label="Images">{`${info.images} with intermediate images`}</Fact>
      {active && <RecordingFacts />}
    </dl>
  );
}

/** How the active engine's stats are recorded (the recorder serves only the active engine); the count and
 * store size change as containers start and rows flush, so it is read again every 10 s while shown. */
function RecordingFacts() {
  const recording = useChannelQuery('stats:recording', {}, { refetchInterval: 10_000 }).data;
  if (!recording) return null;
  return (
    <>
      <Fact label="Stats history">
        {`${recordingLine(recording)} · ${recording.recording} recorded now`}
        {recording.reason && <span className="fact-note muted"> ({recording.reason})</span>}
      </Fact>
      <Fact label="History store">{`${storeLine(recording)} · ${retentionLine(recording)}`}</Fact>
    </>
  );
}

/** The context name and a command to paste; Copy says whether it worked, since the clipboard may refuse. */
export function DockerContextHint({ context }: { context: string }) {
  const command = dockerContextHint(context);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="engine-context">
      <p>
        The docker CLI reaches this engine through the context <code>{context}</code>:
      </p>
      <div className="engine-context-command">
        <code className="mono">{command}</code>
        <Button
          className="button button-small"
          aria-label="Copy docker command"
          onPress={() => void copyText(command).then(setCopied)}
        >
          Copy
        </Button>
      </div>
      <p role="status" className="field-description">
        {copied === true
          ? 'Copied.'
          : copied === false
            ? 'The clipboard is not available here: select the command and press Ctrl+C.'
            : ''}
      </p>
    </div>
  );
}
