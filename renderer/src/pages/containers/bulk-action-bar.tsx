// The bar over the containers table while rows are selected: one lifecycle action on all of them (those the
// action does not fit are still tried, and the engine's answer for each is shown), Remove asking first, and
// the per-container results of the last action: which succeeded, which failed and why.
import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { killSignals, type BulkAction, type KillSignal } from '@shared/container-action-types';
import type { ContainerSummary } from '@shared/container-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { actionLabels } from '../../model/container-actions';
import { BulkActionResults } from './bulk-action-results';
import '../../styles/bulk-limits.css';
import '../../styles/container-actions.css';
import { RemoveVolumesCheckbox } from './remove-container-dialog';
import { useBulkActions } from './use-bulk-actions';

/** Names in alphabetical order, however the table is sorted: easier to check against what one meant. */
function byName(names: string[]): string[] {
  return names.sort((a, b) => a.localeCompare(b));
}

const simpleActions: readonly BulkAction[] = ['start', 'stop', 'restart', 'pause', 'unpause'];

export function BulkActionBar({
  selected,
  onRemoved,
}: {
  selected: readonly ContainerSummary[];
  /** After a bulk remove: the page clears the selection of containers that are gone. */
  onRemoved: () => void;
}) {
  const bulk = useBulkActions();
  const [askRemove, setAskRemove] = useState(false);
  const [volumes, setVolumes] = useState(false);
  const count = selected.length;
  const busy = bulk.pending !== null;
  const running = selected.filter((c) => c.state === 'running' || c.state === 'paused').length;
  return (
    <>
      {count > 0 && (
        <div role="toolbar" aria-label="Actions on the selected containers" className="bulk-action-bar">
          <span className="bulk-action-count">{count} selected</span>
          {simpleActions.map((action) => (
            <Button
              key={action}
              className="button button-secondary button-small"
              isDisabled={busy}
              isPending={bulk.pending === action}
              onPress={() => void bulk.run(action, selected)}
            >
              {actionLabels[action]}
            </Button>
          ))}
          <MenuTrigger>
            <Button className="button button-secondary button-small" isDisabled={busy}>
              Kill ›
            </Button>
            <Popover className="menu-popover" placement="bottom start">
              <Menu
                className="menu"
                aria-label="Signal to send to the selected containers"
                onAction={(key) => void bulk.run('kill', selected, { signal: key as KillSignal })}
              >
                {killSignals.map((signal) => (
                  <MenuItem key={signal} id={signal} className="menu-item mono">
                    {signal}
                  </MenuItem>
                ))}
              </Menu>
            </Popover>
          </MenuTrigger>
          <Button
            className="button button-danger button-small"
            isDisabled={busy}
            isPending={bulk.pending === 'remove'}
            onPress={() => setAskRemove(true)}
          >
            Remove…
          </Button>
        </div>
      )}
      {bulk.outcome && <BulkActionResults outcome={bulk.outcome} onClose={bulk.dismiss} />}
      <ConfirmDialog
        isOpen={askRemove}
        title={`Remove ${count} container${count === 1 ? '' : 's'}?`}
        confirmLabel={`Remove ${count}`}
        onConfirm={() => {
          setAskRemove(false);
          void bulk.run('remove', selected, { removeVolumes: volumes }).then(onRemoved);
          setVolumes(false);
        }}
        onCancel={() => {
          setAskRemove(false);
          setVolumes(false);
        }}
      >
        <p>
          <span className="bulk-names">{byName(selected.map((c) => c.name)).join(', ')}</span>
          {running > 0 ? ` — ${running} running: they are stopped first.` : '.'} Their writable layers are deleted;
          their images and named volumes are kept.
        </p>
        <RemoveVolumesCheckbox isSelected={volumes} onChange={setVolumes} />
      </ConfirmDialog>
    </>
  );
}
