import { useId, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { formatCount } from '../../lib/format'

export interface ChartDatum {
  key: string
  /** The row's words, in the table and in the bar's name ("This week", "Mar 2026"). */
  label: string
  count: number
  to: string
}

/**
 * A chart with its title and a "Show as table" toggle (a pressed button): the same numbers as a
 * real table, each row linking where its bar does. The choice is per chart and per visit.
 */
export function ChartCard({
  title,
  subtitle,
  data,
  columnLabel,
  countLabel = 'Members',
  children,
}: {
  title: string
  subtitle: ReactNode
  data: readonly ChartDatum[]
  /** Header of the table's first column ("Last sign-in", "Month"). */
  columnLabel: string
  countLabel?: string
  children: ReactNode
}) {
  const headingId = useId()
  const [asTable, setAsTable] = useState(false)
  return (
    <section className="overview-panel chart-card" aria-labelledby={headingId}>
      <div className="chart-card__header">
        <div className="chart-card__titles">
          <h2 id={headingId} className="overview-panel__title">
            {title}
          </h2>
          <p className="chart-card__subtitle">{subtitle}</p>
        </div>
        <button
          type="button"
          className="button button--small chart-card__toggle"
          aria-pressed={asTable}
          onClick={() => setAsTable((shown) => !shown)}
        >
          Show as table
        </button>
      </div>
      {asTable ? (
        <div className="chart-card__table-wrap">
          <table className="chart-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{columnLabel}</th>
                <th scope="col" className="chart-table__count">
                  {countLabel}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <Link to={row.to}>{row.label}</Link>
                  </th>
                  <td className="chart-table__count">{formatCount(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        children
      )}
    </section>
  )
}
