// The run dialog's Limits tab: the shared limits editor, preset from the default profile, with the restart
// policy among them; its problems come from the shared limit rules; a warning when the engine ignores limits.
import type { ContainerLimits, LimitsCapabilities } from '@shared/limits-types';
import type { LimitProblem } from '@shared/limits/validate-limits';
import { LimitsEditor } from '../components/limits-editor/limits-editor';
import { problemsByField } from '../limits/field-problems';
import { LimitsIgnoredNotice } from '../limits/limits-ignored-notice';

export interface RunLimitsSectionProps {
  value: ContainerLimits;
  capabilities: LimitsCapabilities | null;
  problems: readonly LimitProblem[];
  onChange: (limits: ContainerLimits) => void;
  onTyping: () => void;
}

export function RunLimitsSection({ value, capabilities, problems, onChange, onTyping }: RunLimitsSectionProps) {
  if (!capabilities)
    return (
      <p className="field-description">
        Limits can be set once the engine is connected: the editor needs its CPUs and memory.
      </p>
    );
  return (
    <div className="run-section">
      <p className="field-description">
        Preset from the default limits in Settings. Every replica gets the same limits.
      </p>
      <LimitsIgnoredNotice />
      {/* A keystroke in a number field bubbles here: it commits only on blur (see the dialog's typing). */}
      <div onInput={onTyping}>
        <LimitsEditor
          value={value}
          capabilities={capabilities}
          onChange={(edit) => onChange(edit.value)}
          problems={problemsByField(problems)}
        />
      </div>
    </div>
  );
}
