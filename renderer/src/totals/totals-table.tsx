// The numbers behind a stacked totals chart as a table (each container and their total per time step), for
// screen readers and for anyone who wants the figures: folded away under the chart, the newest steps first.
import type { StackedSeries } from '../stats/history/stack-totals';

const shownRows = 30;

export function TotalsTable({
  caption,
  series,
  names,
  format,
  timeFormat,
}: {
  caption: string;
  series: StackedSeries;
  names: readonly string[];
  format: (value: number) => string;
  timeFormat: (t: number) => string;
}) {
  const rows = series.rows
    .filter((row) => row.total !== null)
    .slice(-shownRows)
    .reverse();
  return (
    <details className="totals-table">
      <summary>{caption} as a table</summary>
      <table className="data-table totals-data">
        <caption className="visually-hidden">
          {caption}, newest {rows.length} steps
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {series.ids.map((id, position) => (
              <th scope="col" key={id}>
                {names[position] ?? id.slice(0, 12)}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.t}>
              <th scope="row">{timeFormat(row.t)}</th>
              {row.values.map((value, position) => (
                <td key={series.ids[position]} className="numeric">
                  {value === null ? '—' : format(value)}
                </td>
              ))}
              <td className="numeric">{row.total === null ? '—' : format(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
