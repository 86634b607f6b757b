import { Link } from 'react-router'
import { formatCount } from '../../lib/format'

export interface Column {
  /** 'YYYY-MM' */
  month: string
  /** What the bar's name says ("Mar 2026"). */
  label: string
  count: number
  to: string
}

// Vertical pixels; horizontal positions are percentages of the chart's width, so the SVG needs no
// measuring and its text keeps its size at any width (a viewBox would shrink it on a phone).
const VALUE_ROOM = 20
const PLOT_HEIGHT = 200
const AXIS_ROOM = 40
const HEIGHT = VALUE_ROOM + PLOT_HEIGHT + AXIS_ROOM
const BAR_SHARE = 0.64

const monthName = new Intl.DateTimeFormat(undefined, { month: 'short' })

/** A round step (1, 2 or 5 × 10ⁿ) that splits 0…max into at most four parts. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 }
  const rough = max / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power)
  return { top: Math.ceil(max / step) * step, step }
}

function parseMonth(month: string): { year: number; monthIndex: number } {
  const [year, monthNumber] = month.split('-').map(Number)
  return { year: year ?? 1970, monthIndex: (monthNumber ?? 1) - 1 }
}

/**
 * Columns of counts over time, hand-written SVG: each column is a link (its name "Mar 2026: 12
 * members"), reachable by Tab, with a focus ring drawn around its whole slot. Gridlines and axis
 * text are hidden from screen readers: the links carry every value.
 */
export function ColumnChart({ columns }: { columns: readonly Column[] }) {
  const max = Math.max(0, ...columns.map((c) => c.count))
  const { top, step } = niceScale(max)
  const y = (value: number) => VALUE_ROOM + PLOT_HEIGHT * (1 - value / top)
  const ticks: number[] = []
  for (let t = 0; t <= top; t += step) ticks.push(t)
  const slot = 100 / Math.max(columns.length, 1)
  const last = columns.length - 1
  const firstJanuary = columns.findIndex((c) => parseMonth(c.month).monthIndex === 0)
  // The axis' labels are positioned, so they take no width of their own: room for the longest.
  const axisWidth = Math.max(...ticks.map((t) => formatCount(t).length))

  return (
    <div className="column-chart">
      <div
        className="column-chart__y-axis"
        aria-hidden="true"
        style={{ blockSize: HEIGHT, inlineSize: `${axisWidth + 0.5}ch` }}
      >
        {ticks.map((t) => (
          <span key={t} className="column-chart__y-tick" style={{ insetBlockStart: y(t) }}>
            {formatCount(t)}
          </span>
        ))}
      </div>
      <svg className="column-chart__svg" width="100%" height={HEIGHT}>
        <g aria-hidden="true">
          {ticks.map((t) => (
            <line
              key={t}
              className={t === 0 ? 'column-chart__baseline' : 'column-chart__gridline'}
              x1="0"
              x2="100%"
              y1={y(t)}
              y2={y(t)}
            />
          ))}
        </g>
        {columns.map((column, i) => {
          const { year, monthIndex } = parseMonth(column.month)
          const barTop = y(column.count)
          const center = `${(i + 0.5) * slot}%`
          // On a narrow chart every third month keeps its name, counted back from the newest.
          const minor = (last - i) % 3 !== 0
          const showYear = monthIndex === 0 || (i === 0 && (firstJanuary < 0 || firstJanuary >= 3))
          return (
            <Link
              key={column.month}
              to={column.to}
              className="column-chart__link"
              aria-label={`${column.label}: ${formatCount(column.count)} ${column.count === 1 ? 'member' : 'members'}`}
            >
              <rect
                className="column-chart__hit"
                x={`${i * slot}%`}
                y="2"
                width={`${slot}%`}
                height={HEIGHT - 4}
                rx="4"
              />
              {column.count > 0 && (
                <rect
                  className="column-chart__bar"
                  x={`${(i + (1 - BAR_SHARE) / 2) * slot}%`}
                  y={barTop}
                  width={`${slot * BAR_SHARE}%`}
                  height={VALUE_ROOM + PLOT_HEIGHT - barTop}
                  rx="2"
                />
              )}
              {column.count > 0 && (
                <text className="column-chart__value" x={center} y={barTop - 5} textAnchor="middle">
                  {formatCount(column.count)}
                </text>
              )}
              <text
                className={`column-chart__month${minor ? ' column-chart__month--minor' : ''}`}
                x={center}
                y={VALUE_ROOM + PLOT_HEIGHT + 16}
                textAnchor="middle"
              >
                {monthName.format(new Date(year, monthIndex, 1))}
              </text>
              {showYear && (
                <text
                  className="column-chart__year"
                  x={center}
                  y={VALUE_ROOM + PLOT_HEIGHT + 32}
                  textAnchor="middle"
                >
                  {year}
                </text>
              )}
            </Link>
          )
        })}
      </svg>
    </div>
  )
}
