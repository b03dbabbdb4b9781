// The limits editor: every live-changeable limit of a container as React Aria controls, grouped as CPU,
// memory and processes. Controlled and fetch-free (value, capabilities, onChange), so the container page,
// the bulk dialog and a future run dialog share it; the memory unit (MiB or GiB) is its only own state.
import { useId, useState } from 'react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import type { ContainerLimits, LimitsCapabilities } from '@shared/limits-types';
import type { LimitField } from '@shared/limits/limit-fields';
import { editLimit, type Edit, type UsageNow } from '../../limits/limits-edit';
import { fromBytes, preferredUnit, toBytes, type MemoryUnit } from '../../limits/limit-editor-units';
import { CpuLimitField } from './cpu-limit-field';
import { CpusetField } from './cpuset-field';
import { ChangeOnlyContext, type EditorFieldProps } from './editor-context';
import { MemoryLimitField } from './memory-limit-field';
import { NumberLimitField } from './number-limit-field';
import { RestartPolicyField } from './restart-policy-field';
import { SwapField } from './swap-field';
import '../../styles/limits-editor.css';

export interface LimitsEditorProps {
  value: ContainerLimits;
  capabilities: LimitsCapabilities;
  /** One edit: the new limit set and every field it changed (couplings included). */
  onChange: (edit: Edit) => void;
  /** Problems to show beside their fields (see main/shared/limits/validate-limits.ts). */
  problems?: Partial<Record<LimitField, string>>;
  /** Fields marked as "changed" (what Apply will send). */
  changed?: ReadonlySet<LimitField>;
  /** One container's current use, marked on the sliders; absent where there is no one container (bulk). */
  usage?: UsageNow;
  isDisabled?: boolean;
  /** Change-only mode (bulk): only touched fields are sent; the others are marked "unchanged". */
  changeOnly?: boolean;
}

const none: ReadonlySet<LimitField> = new Set();

export function LimitsEditor({
  value,
  capabilities,
  onChange,
  problems = {},
  changed = none,
  usage,
  isDisabled = false,
  changeOnly = false,
}: LimitsEditorProps) {
  const [unit, setUnit] = useState<MemoryUnit>(() => preferredUnit(value.memoryBytes));
  const fields: EditorFieldProps = {
    value,
    capabilities,
    problems,
    changed,
    usage: usage ?? null,
    isDisabled,
    set: (field, next) => onChange(editLimit(value, field, next)),
  };
  const memoryUnit = { ...fields, unit };
  const toUnit = (bytes: number) => fromBytes(bytes, unit);
  const fromUnit = (shown: number) => toBytes(shown, unit);
  const id = useId();
  return (
    <ChangeOnlyContext value={changeOnly}>
      <div className="limits-editor">
        <section className="limits-section" aria-labelledby={`${id}-cpu`}>
          <h3 id={`${id}-cpu`} className="limits-section-title">
            CPU
          </h3>
          <CpuLimitField {...fields} />
          <NumberLimitField
            {...fields}
            field="cpuShares"
            title="CPU shares"
            offLabel="Default CPU shares"
            inputLabel="CPU shares (relative weight)"
            placeholder="1024"
            note="Weight against other containers when CPUs are busy; 1024 is the default."
            step={1}
          />
          <CpusetField {...fields} />
        </section>
        <section className="limits-section" aria-labelledby={`${id}-memory`}>
          <div className="limits-section-head">
            <h3 id={`${id}-memory`} className="limits-section-title">
              Memory
            </h3>
            <ToggleButtonGroup
              aria-label="Memory unit"
              className="segmented segmented-small"
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[unit]}
              onSelectionChange={(keys: Set<Key>) => {
                const [key] = keys;
                if (key === 'MiB' || key === 'GiB') setUnit(key);
              }}
            >
              <ToggleButton id="MiB" className="segmented-button">
                MiB
              </ToggleButton>
              <ToggleButton id="GiB" className="segmented-button">
                GiB
              </ToggleButton>
            </ToggleButtonGroup>
          </div>
          <MemoryLimitField {...memoryUnit} />
          <NumberLimitField
            {...fields}
            field="memoryReservationBytes"
            title="Memory reservation"
            offLabel="No memory reservation"
            inputLabel={`Memory reservation (${unit})`}
            unitText={unit}
            placeholder="none"
            note="Soft limit: under memory pressure the kernel reclaims down to it first."
            toDisplay={toUnit}
            fromDisplay={fromUnit}
            step={unit === 'MiB' ? 1 : undefined}
            maximumFractionDigits={unit === 'MiB' ? 0 : 3}
          />
          <SwapField {...memoryUnit} />
        </section>
        <section className="limits-section" aria-labelledby={`${id}-processes`}>
          <h3 id={`${id}-processes`} className="limits-section-title">
            Processes
          </h3>
          <NumberLimitField
            {...fields}
            field="pidsLimit"
            title="Process limit"
            offLabel="Unlimited processes"
            inputLabel="Process limit"
            unitText="processes"
            placeholder="unlimited"
            note="Most processes and threads it may run at once."
            step={1}
          />
          <RestartPolicyField {...fields} />
        </section>
      </div>
    </ChangeOnlyContext>
  );
}
