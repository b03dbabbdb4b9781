// The restart policy: no, always, unless-stopped or on-failure, and for on-failure how many retries (0 =
// retry forever). Not a resource limit, but the engine changes it with the same live update.
import { Button, Input, ListBox, ListBoxItem, NumberField, Popover, Select, SelectValue } from 'react-aria-components';
import { restartPolicyNames, type RestartPolicyName } from '@shared/limits-types';
import { fixedReason, type EditorFieldProps } from './editor-context';
import { LimitFieldFrame, useProblemId } from './limit-field-frame';
import '../../styles/select.css';

const policyText: Record<RestartPolicyName, { label: string; detail: string }> = {
  no: { label: 'No', detail: 'Never restarted by the engine.' },
  always: { label: 'Always', detail: 'Restarted whenever it stops, and when the engine starts.' },
  'unless-stopped': { label: 'Unless stopped', detail: 'Like always, except after you stop it.' },
  'on-failure': {
    label: 'On failure',
    detail: 'Restarted when it exits with an error, at most this many times (0 = no limit).',
  },
};

export function RestartPolicyField({ value, capabilities, problems, changed, isDisabled, set }: EditorFieldProps) {
  const fixed = fixedReason(capabilities, 'restartPolicy');
  const problem = problems.restartPolicy;
  const { problemId, describedBy } = useProblemId(problem);
  const policy = value.restartPolicy;
  const locked = isDisabled || fixed !== null;
  return (
    <LimitFieldFrame
      title="Restart policy"
      problemId={problemId}
      problem={problem}
      isChanged={changed.has('restartPolicy')}
      isDisabled={isDisabled}
      fixedReason={fixed}
      note={policyText[policy.name]?.detail}
    >
      <div className="limit-controls">
        <Select
          className="select"
          aria-label="Restart policy"
          aria-describedby={describedBy}
          selectedKey={policy.name}
          onSelectionChange={(key) =>
            set('restartPolicy', {
              name: key as RestartPolicyName,
              maximumRetryCount: key === 'on-failure' ? policy.maximumRetryCount : 0,
            })
          }
          isDisabled={locked}
        >
          <Button className="select-button">
            <SelectValue />
            <span className="select-chevron" aria-hidden="true">
              ▾
            </span>
          </Button>
          <Popover className="select-popover">
            <ListBox className="select-list">
              {restartPolicyNames.map((name) => (
                <ListBoxItem key={name} id={name} className="select-item" textValue={policyText[name].label}>
                  {policyText[name].label}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        {policy.name === 'on-failure' && (
          <>
            <NumberField
              className="limit-number"
              aria-label="Maximum retries"
              aria-describedby={describedBy}
              value={policy.maximumRetryCount}
              onChange={(count) => set('restartPolicy', { name: 'on-failure', maximumRetryCount: count })}
              minValue={0}
              step={1}
              formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
              isDisabled={locked}
              isInvalid={problem !== undefined}
            >
              <Input className="limit-number-input" />
            </NumberField>
            <span className="limit-unit" aria-hidden="true">
              retries
            </span>
          </>
        )}
      </div>
    </LimitFieldFrame>
  );
}
