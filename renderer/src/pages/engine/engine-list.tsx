// The engines as a single-selection list: each one's name, state badge, Active marker, kind and address.
// Choosing one shows its details beside the list.
import { ListBox, ListBoxItem, Text } from 'react-aria-components';
import type { EngineView } from '@shared/engine-manager-types';
import { engineState, kindLabel } from './engine-model';

export interface EngineListProps {
  engines: readonly EngineView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function EngineList({ engines, selectedId, onSelect }: EngineListProps) {
  return (
    <ListBox
      aria-label="Engines"
      className="engine-list"
      items={engines}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={selectedId ? [selectedId] : []}
      onSelectionChange={(keys) => {
        if (keys === 'all') return;
        const [first] = keys;
        if (first !== undefined) onSelect(String(first));
      }}
    >
      {(engine) => (
        <ListBoxItem id={engine.id} textValue={engine.name} className="engine-item">
          <div className="engine-item-top">
            <Text slot="label" className="engine-item-name">
              {engine.name}
            </Text>
            {engine.active && <span className="engine-active-mark">Active</span>}
          </div>
          {/* The description carries the state, so a screen reader hears it after the name. */}
          <Text slot="description" elementType="div" className="engine-item-detail">
            <EngineStateBadge engine={engine} />
            <span className="engine-item-kind">{kindLabel(engine.kind)}</span>
            {engine.active && <span className="visually-hidden">, active</span>}
            <span className="engine-item-host mono truncate" title={engine.host}>
              {engine.host}
            </span>
          </Text>
        </ListBoxItem>
      )}
    </ListBox>
  );
}

export function EngineStateBadge({ engine }: { engine: Pick<EngineView, 'providerState' | 'connection'> }) {
  const state = engineState(engine);
  return (
    <span className={`badge engine-badge engine-badge-${state.tone}`} title={state.reason ?? undefined}>
      {state.label}
    </span>
  );
}
