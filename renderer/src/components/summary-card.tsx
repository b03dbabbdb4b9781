// A dashboard card: a region named by its title, one large value or a row of labelled numbers.
import { useId, type ReactNode } from 'react';

export interface SummaryCardProps {
  title: string;
  value?: ReactNode;
  /** A value that is words rather than a number (an OS name): set smaller so it does not wrap thrice. */
  textValue?: boolean;
  detail?: ReactNode;
  /** Several labelled numbers instead of one value, e.g. running / stopped / total. */
  stats?: ReadonlyArray<{ label: string; value: ReactNode; tone?: 'ok' | 'muted' }>;
}

export function SummaryCard({ title, value, textValue = false, detail, stats }: SummaryCardProps) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {value !== undefined && <p className={textValue ? 'card-value card-value-text' : 'card-value'}>{value}</p>}
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
