// Rows of name = value pairs (environment variables, labels): each row a group named after its number, its
// two fields, a Remove button, and the row's problem under it; an Add button below.
import { Button } from 'react-aria-components';
import { Icon } from '../components/icons';
import { emptyKeyValue, patchRow, removeRow, type KeyValueRow } from './run-form';
import { RunField } from './run-field';

export interface KeyValueRowsProps {
  rows: readonly KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  /** `variable` or `label`: names the fields ("Name of variable 2") and the Add button. */
  noun: string;
  /** The prefix of problem keys, `env` or `labels` (see run-form-check.ts). */
  section: string;
  problems: Record<string, string>;
  keyPlaceholder: string;
  valuePlaceholder: string;
}

export function KeyValueRows({
  rows,
  onChange,
  noun,
  section,
  problems,
  keyPlaceholder,
  valuePlaceholder,
}: KeyValueRowsProps) {
  return (
    <div className="run-rows">
      {rows.length > 0 && (
        <div className="run-row run-row-head run-row-kv" aria-hidden="true">
          <span>Name</span>
          <span>Value</span>
        </div>
      )}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <div key={row.id} role="group" aria-label={`${capitalise(noun)} ${n}`} className="run-row run-row-kv">
            <RunField
              ariaLabel={`Name of ${noun} ${n}`}
              value={row.key}
              onChange={(key) => onChange(patchRow(rows, row.id, { key }))}
              problem={problems[`${section}:${row.id}:key`]}
              placeholder={keyPlaceholder}
              mono
            />
            <RunField
              ariaLabel={`Value of ${noun} ${n}`}
              value={row.value}
              onChange={(value) => onChange(patchRow(rows, row.id, { value }))}
              placeholder={valuePlaceholder}
              mono
            />
            <Button
              className="icon-button icon-button-danger"
              aria-label={`Remove ${noun} ${n}`}
              onPress={() => onChange(removeRow(rows, row.id))}
            >
              <Icon name="remove" size={16} />
            </Button>
          </div>
        );
      })}
      <div>
        <Button className="button button-small" onPress={() => onChange([...rows, emptyKeyValue()])}>
          Add {noun}
        </Button>
      </div>
    </div>
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
