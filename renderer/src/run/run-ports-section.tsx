// The run dialog's Ports tab: where ports are published (this computer only unless the user chooses all
// interfaces, with a warning), "publish all exposed ports" (each on that address), and ports one a row: the
// port in the container, its protocol, the host port (empty: any free port) and the host address (empty: the
// chosen one).
import { Button, Switch } from 'react-aria-components';
import type { PortProtocol } from '@shared/run-types';
import { publishAddress } from '@shared/settings-types';
import { FieldProblem } from '../components/field-problem';
import { Icon } from '../components/icons';
import { emptyPort, patchRow, removeRow } from './run-form';
import { RunField } from './run-field';
import { PublishInterfaceChoice } from './publish-interface-choice';
import type { RunSectionProps } from './run-general-section';
import type { ExposedPorts } from './run-form-check';
import { RunSelect } from './run-select';

const protocols = [
  { id: 'tcp', label: 'TCP' },
  { id: 'udp', label: 'UDP' },
  { id: 'sctp', label: 'SCTP' },
];

export function RunPortsSection({ form, update, problems, exposed }: RunSectionProps & { exposed: ExposedPorts }) {
  const rows = form.ports;
  const set = (ports: typeof rows) => update({ ports });
  const address = publishAddress[form.publishInterface];
  const allProblem = problems['ports:publishAll'];
  return (
    <div className="run-section">
      <PublishInterfaceChoice
        value={form.publishInterface}
        onChange={(publishInterface) => update({ publishInterface })}
        label="Publish ports on"
        description="For ports without their own host address. The default is set in Settings."
      />
      <Switch className="switch" isSelected={form.publishAll} onChange={(publishAll) => update({ publishAll })}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Publish all exposed ports
      </Switch>
      <p className="field-description">
        Every port the image exposes gets a free port on {address}
        {form.publishAll && exposed.state === 'known'
          ? exposed.ports.length > 0
            ? `: ${exposed.ports.join(', ')}.`
            : ': this image exposes none.'
          : '.'}
        {form.publishAll && exposed.state === 'loading' ? ' Reading its ports…' : ''}
      </p>
      {allProblem && <FieldProblem message={allProblem} />}
      <div className="run-rows">
        {rows.length > 0 && (
          <div className="run-row run-row-head run-row-port" aria-hidden="true">
            <span>Container port</span>
            <span>Protocol</span>
            <span>Host port</span>
            <span>Host IP</span>
          </div>
        )}
        {rows.map((row, index) => {
          const n = index + 1;
          const key = (field: string) => problems[`ports:${row.id}:${field}`];
          return (
            <div key={row.id} role="group" aria-label={`Port ${n}`} className="run-row run-row-port">
              <RunField
                ariaLabel={`Container port ${n}`}
                value={row.containerPort}
                onChange={(containerPort) => set(patchRow(rows, row.id, { containerPort }))}
                problem={key('containerPort')}
                placeholder="80"
                inputMode="numeric"
              />
              <RunSelect
                ariaLabel={`Protocol of port ${n}`}
                options={protocols}
                selected={row.protocol}
                onChange={(protocol) => set(patchRow(rows, row.id, { protocol: protocol as PortProtocol }))}
              />
              <RunField
                ariaLabel={`Host port ${n}`}
                value={row.hostPort}
                onChange={(hostPort) => set(patchRow(rows, row.id, { hostPort }))}
                problem={key('hostPort')}
                placeholder="any free port"
                inputMode="numeric"
              />
              <RunField
                ariaLabel={`Host IP of port ${n}`}
                value={row.hostIp}
                onChange={(hostIp) => set(patchRow(rows, row.id, { hostIp }))}
                problem={key('hostIp')}
                placeholder={address}
                mono
              />
              <Button
                className="icon-button icon-button-danger"
                aria-label={`Remove port ${n}`}
                onPress={() => set(removeRow(rows, row.id))}
              >
                <Icon name="remove" size={16} />
              </Button>
            </div>
          );
        })}
        <div>
          <Button className="button button-small" onPress={() => set([...rows, emptyPort()])}>
            Add port
          </Button>
        </div>
      </div>
    </div>
  );
}
