// The frame of one limit in the editor: its title, the switch that turns it off (Unlimited, Default, …), a
// mark when it will change, the controls, a note (current use, range), why it cannot change here, and its
// problem in words, right beside it.
import { useContext, useId, type ReactNode } from 'react';
import { Switch } from 'react-aria-components';
import { ChangeOnlyContext } from './editor-context';

export interface LimitFieldFrameProps {
  title: string;
  /** The switch that removes this limit, e.g. "Unlimited CPU"; absent for fields without one. */
  offSwitch?: { label: string; isSelected: boolean; onChange: (selected: boolean) => void };
  isChanged: boolean;
  isDisabled: boolean;
  /** capabilities.fixed's reason: the controls are disabled and this says why. */
  fixedReason: string | null;
  problem?: string;
  note?: ReactNode;
  children?: ReactNode;
  /** The problem's element id: the field's controls name it in aria-describedby (see useProblemId). */
  problemId: string;
}

export function LimitFieldFrame({
  title,
  offSwitch,
  isChanged,
  isDisabled,
  fixedReason,
  problem,
  note,
  children,
  problemId,
}: LimitFieldFrameProps) {
  const changeOnly = useContext(ChangeOnlyContext);
  return (
    <div className="limit-field" data-changed={isChanged || undefined} data-invalid={problem ? true : undefined}>
      <div className="limit-field-head">
        <span className="limit-field-title">
          {title}
          {isChanged && <span className="limit-changed-mark">changed</span>}
          {!isChanged && changeOnly && <span className="limit-unchanged-mark">unchanged</span>}
        </span>
        {offSwitch && (
          <Switch
            className="switch switch-small"
            isSelected={offSwitch.isSelected}
            onChange={offSwitch.onChange}
            isDisabled={isDisabled || fixedReason !== null}
          >
            <span className="switch-track" aria-hidden="true">
              <span className="switch-thumb" />
            </span>
            {offSwitch.label}
          </Switch>
        )}
      </div>
      {children}
      {note && <p className="limit-field-note">{note}</p>}
      {fixedReason && <p className="limit-field-fixed">Cannot change here: {fixedReason}</p>}
      {problem && (
        <p id={problemId} className="limit-field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** An id for a field's problem text, and the aria-describedby its controls carry (only while there is one). */
export function useProblemId(problem: string | undefined): { problemId: string; describedBy: string | undefined } {
  const problemId = useId();
  return { problemId, describedBy: problem ? problemId : undefined };
}
