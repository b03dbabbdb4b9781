// A two-column name/value table: a container's labels and environment, a volume's labels and options.
import type { ReactNode } from 'react';
import type { KeyValue } from '@shared/inspect-types';

/** How a value shows by default: as text, or "(empty)". */
export function plainValue({ value }: KeyValue): ReactNode {
  return value || <span className="muted">(empty)</span>;
}

export function KeyValueTable({
  rows,
  empty,
  renderValue = plainValue,
}: {
  rows: readonly KeyValue[];
  empty: string;
  /** The value cell's content; the environment masks secret values here. */
  renderValue?: (row: KeyValue) => ReactNode;
}) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="plain-table kv-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          // Keys repeat in an environment (the engine keeps the last one); the index keeps rows apart.
          <tr key={`${row.key}-${index}`}>
            <th scope="row" className="mono">
              {row.key}
            </th>
            <td className="mono kv-value">{renderValue(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
