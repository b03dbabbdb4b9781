// A transfer's layers, one row each: the short id, the engine's phase, the bytes and a thin bar. Shown on
// demand (a Disclosure) because a pull can have dozens of layers.
import { Button, Disclosure, DisclosurePanel, Heading, ProgressBar } from 'react-aria-components';
import type { LayerProgress, Transfer } from '@shared/transfer-types';
import { layerBytesText, layerFraction, layerPhaseLabel, layerSettled } from './transfer-format';
import { ProgressTrack } from './progress-track';

export function TransferLayers({ transfer }: { transfer: Transfer }) {
  const { layers } = transfer;
  if (layers.length === 0) return null;
  const settled = layers.filter(layerSettled).length;
  return (
    <Disclosure className="transfer-layers">
      <Heading level={3} className="transfer-layers-heading">
        <Button slot="trigger" className="disclosure-trigger">
          <svg
            viewBox="0 0 12 12"
            width={10}
            height={10}
            className="disclosure-chevron"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          Layers ({settled} of {layers.length} done)
        </Button>
      </Heading>
      <DisclosurePanel className="transfer-layers-panel">
        <ul className="layer-list" aria-label={`Layers of ${transfer.reference}`}>
          {layers.map((layer) => (
            <LayerRow key={layer.id} layer={layer} />
          ))}
        </ul>
      </DisclosurePanel>
    </Disclosure>
  );
}

function LayerRow({ layer }: { layer: LayerProgress }) {
  const fraction = layerFraction(layer);
  const phase = layerPhaseLabel(layer.phase);
  const bytes = layerBytesText(layer);
  // A layer that was already here moved no bytes: a quiet bar, not a green one.
  const tone = layer.phase === 'already-exists' ? 'stopped' : layerSettled(layer) ? 'done' : 'running';
  return (
    <li className="layer-row">
      <span className="mono layer-id">{layer.id}</span>
      <span className="layer-phase" title={layer.status}>
        {phase}
      </span>
      <ProgressBar
        className="layer-bar"
        aria-label={`Layer ${layer.id}`}
        value={fraction === null ? undefined : fraction * 100}
        isIndeterminate={fraction === null}
        valueLabel={bytes ? `${phase}, ${bytes}` : phase}
      >
        <ProgressTrack fraction={fraction} tone={tone} thin />
      </ProgressBar>
      <span className="layer-bytes numeric">{bytes}</span>
    </li>
  );
}
