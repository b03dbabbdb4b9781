// The run dialog's Storage tab: volumes and bind mounts one a row: the kind, the volume name or host path,
// the path in the container, and read-only.
import { Button, Checkbox } from 'react-aria-components';
import type { MountSpec } from '@shared/run-types';
import { Icon } from '../components/icons';
import { emptyMount, patchRow, removeRow } from './run-form';
import { RunField } from './run-field';
import type { RunSectionProps } from './run-general-section';
import { RunSelect } from './run-select';

const types = [
  { id: 'volume', label: 'Volume' },
  { id: 'bind', label: 'Bind mount' },
];

export function RunStorageSection({ form, update, problems }: RunSectionProps) {
  const rows = form.mounts;
  const set = (mounts: typeof rows) => update({ mounts });
  return (
    <div className="run-section">
      <p className="field-description">
        A volume the engine does not have yet is created. A bind mount shares a folder or file of the engine's host.
      </p>
      <div className="run-rows">
        {rows.length > 0 && (
          <div className="run-row run-row-head run-row-mount" aria-hidden="true">
            <span>Type</span>
            <span>Source</span>
            <span>Path in container</span>
            <span>Read-only</span>
          </div>
        )}
        {rows.map((row, index) => {
          const n = index + 1;
          const key = (field: string) => problems[`mounts:${row.id}:${field}`];
          return (
            <div key={row.id} role="group" aria-label={`Mount ${n}`} className="run-row run-row-mount">
              <RunSelect
                ariaLabel={`Type of mount ${n}`}
                options={types}
                selected={row.type}
                onChange={(type) => set(patchRow(rows, row.id, { type: type as MountSpec['type'] }))}
              />
              <RunField
                ariaLabel={row.type === 'bind' ? `Host path of mount ${n}` : `Volume name of mount ${n}`}
                value={row.source}
                onChange={(source) => set(patchRow(rows, row.id, { source }))}
                problem={key('source')}
                placeholder={row.type === 'bind' ? '/srv/data' : 'data'}
                mono
              />
              <RunField
                ariaLabel={`Path in container of mount ${n}`}
                value={row.target}
                onChange={(target) => set(patchRow(rows, row.id, { target }))}
                problem={key('target')}
                placeholder="/data"
                mono
              />
              <Checkbox
                className="checkbox run-checkbox"
                isSelected={row.readOnly}
                onChange={(readOnly) => set(patchRow(rows, row.id, { readOnly }))}
                aria-label={`Mount ${n} read-only`}
              >
                <span className="checkbox-box" aria-hidden="true">
                  <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
                    <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
                  </svg>
                </span>
              </Checkbox>
              <Button
                className="icon-button icon-button-danger"
                aria-label={`Remove mount ${n}`}
                onPress={() => set(removeRow(rows, row.id))}
              >
                <Icon name="remove" size={16} />
              </Button>
            </div>
          );
        })}
        <div>
          <Button className="button button-small" onPress={() => set([...rows, emptyMount()])}>
            Add mount
          </Button>
        </div>
      </div>
    </div>
  );
}
