// A two-column name/value table for the Inspect tab's labels (and any other plain key/value list).
import type { KeyValue } from '@shared/inspect-types';

export function KeyValueTable({ rows, empty }: { rows: readonly KeyValue[]; empty: string }) {
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
        {rows.map(({ key, value }) => (
          <tr key={key}>
            <th scope="row" className="mono">
              {key}
            </th>
            <td className="mono kv-value">{value || <span className="muted">(empty)</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
