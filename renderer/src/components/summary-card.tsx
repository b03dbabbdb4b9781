// A dashboard card: a region named by its title, one large value or a row of labelled numbers.
import { useId, type ReactNode } from 'react';

export interface SummaryCardProps {
  title: string;
  value?: ReactNode;
  detail?: ReactNode;
  /** Several labelled numbers instead of one value, e.g. running / stopped / total. */
  stats?: ReadonlyArray<{ label: string; value: ReactNode; tone?: 'ok' | 'muted' }>;
}

export function SummaryCard({ title, value, detail, stats }: SummaryCardProps) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {value !== undefined && <p className="card-value">{value}</p>}
      {stats && (
        <dl className="card-stats">
          {stats.map((stat) => (
            <div key={stat.label} className={`card-stat ${stat.tone ? `tone-${stat.tone}` : ''}`}>
              <dt>{stat.label}</dt>
              <dd>{stat.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {detail && <p className="card-detail">{detail}</p>}
    </section>
  );
}
