// Suggested limits from the container's recent use (limits:suggest): the values, the numbers they were
// derived from (samples, window, CPU p95 and peak, memory peak, headroom) and Apply suggestion, which goes
// through the same apply path as the editor (confirmation included). Too little data: the core's message.
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { BerthError } from '@shared/errors';
import type { LimitsChange, LimitsSuggestion as Suggestion } from '@shared/limits-types';
import { fieldLabel } from '@shared/limits/limit-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { Fact } from '../../../components/fact';
import { formatBytes } from '../../../format/bytes';
import { formatPercent } from '../../../format/stats-format';
import { useChannelMutation } from '../../../data/channel-query';
import { changeFields } from '../../../limits/limits-diff';
import { describeValue } from '../../../limits/limit-descriptions';
import '../../../styles/limits-editor.css';

export interface LimitsSuggestionProps {
  id: string;
  onApply: (change: LimitsChange) => void;
  isDisabled: boolean;
}

export function LimitsSuggestion({ id, onApply, isDisabled }: LimitsSuggestionProps) {
  const suggest = useChannelMutation('limits:suggest');
  const titleId = useId();
  const error = suggest.error;
  // Not enough stats yet: a state that passes with time rather than a failure.
  const notYet = error instanceof BerthError && error.code === 'NOT_ENOUGH_DATA';
  return (
    <section className="limits-suggestion" aria-labelledby={titleId}>
      <div className="limits-section-head">
        <h3 id={titleId} className="limits-section-title">
          Suggestions
        </h3>
        <Button
          className="button button-secondary button-small"
          onPress={() => suggest.mutate({ id })}
          isPending={suggest.isPending}
          isDisabled={isDisabled}
        >
          Suggest limits
        </Button>
      </div>
      {!suggest.data && !error && (
        <p className="limit-field-note">
          Limits that fit this container's recent use: CPU at its 95th percentile and memory at its peak, with headroom.
        </p>
      )}
      {notYet && (
        <p role="status" className="limits-note">
          {error.message}
        </p>
      )}
      {error && !notYet && (
        <ErrorAlert title="Could not suggest limits" message={error.message} onDismiss={() => suggest.reset()} />
      )}
      {suggest.data && <SuggestionBody suggestion={suggest.data} onApply={onApply} isDisabled={isDisabled} />}
    </section>
  );
}

function SuggestionBody({
  suggestion,
  onApply,
  isDisabled,
}: {
  suggestion: Suggestion;
  onApply: (change: LimitsChange) => void;
  isDisabled: boolean;
}) {
  const { suggested, basis } = suggestion;
  return (
    <div className="limits-suggestion-body" role="group" aria-label="Suggested limits">
      <dl className="facts facts-compact">
        {changeFields(suggested).map((field) => (
          <Fact key={field} label={capitalise(fieldLabel(field))}>
            <strong>{describeValue(field, suggested[field] as never)}</strong>
          </Fact>
        ))}
      </dl>
      <dl className="facts facts-compact limits-basis" aria-label="Derived from">
        <Fact label="Samples">
          {basis.samples} over {basis.windowSeconds} s
        </Fact>
        <Fact label="CPU p95 / peak">
          {formatPercent(basis.cpuP95Percent)} / {formatPercent(basis.cpuPeakPercent)} of one core
        </Fact>
        <Fact label="Memory peak">{basis.memPeakBytes === null ? '—' : formatBytes(basis.memPeakBytes)}</Fact>
        <Fact label="Headroom">{Math.round(basis.headroomPercent)} %</Fact>
      </dl>
      <p className="limit-field-note">{suggestion.explanation}</p>
      <Button className="button button-secondary" onPress={() => onApply(suggested)} isDisabled={isDisabled}>
        Apply suggestion
      </Button>
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
