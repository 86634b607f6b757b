// The speed issue's targets in one table: each figure of this run beside its target, with the
// measurement's floor and the machine's load average, so a reader sees at once what was met.
import { execFileSync } from 'node:child_process'

const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(1)} ms`)

/** The budget script's verdict for `outDir`, one line per way in ("… downloads 128.4 KB …"). */
export function measureBudget(outDir) {
  let output
  try {
    output = execFileSync('node', ['scripts/check-budget.mjs', '--dir', outDir], { encoding: 'utf8' })
  } catch (error) {
    // Over budget exits 1; its verdict lines are on stderr.
    output = `${error.stdout ?? ''}\n${error.stderr ?? ''}`
  }
  const ways = []
  for (const match of output.matchAll(/budget: (.+?) downloads ([\d.]+) KB of JavaScript gzipped/g)) {
    ways.push({ way: match[1], kb: Number(match[2]) })
  }
  return ways
}

function percentile(values, p) {
  const present = values.filter((v) => typeof v === 'number' && Number.isFinite(v))
  if (present.length === 0) return null
  const sorted = present.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * `summary` is run.mjs's per-size summary; `raw` its raw runs (for load averages); `wayIn` what
 * way-in.mjs returned (or null); `overview` what overview.mjs's measureOverview returned (or null);
 * `budget` measureBudget's result; `httpHeap100k` the heap after loading 100,000 members over HTTP
 * in MB when another part of the bench measured it, else null (then the demo's figure stands in,
 * which includes the demo data set itself). `batchRate` is what batch-rate.mjs returned (or null).
 */
export function targetRows({
  summary,
  raw,
  wayIn,
  overview = null,
  budget,
  httpHeap100k = null,
  batchRate = null,
}) {
  const rows = []
  const loadOf = (size) => {
    const loads = (raw[size] ?? []).flatMap((r) => [r.loadAverageBefore, r.loadAverageAfter])
    return loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : 'n/a'
  }
  const add = (what, figure, target, met, floor = '', load = '') =>
    rows.push({ what, figure, target, verdict: met == null ? 'n/a' : met ? 'met' : 'MISSED', floor, load })

  for (const [size, limit] of [
    [10000, 35],
    [100000, 100],
  ]) {
    const s = summary[size]?.sort
    add(
      `sort click → repaint, ${size.toLocaleString('en-US')}`,
      s?.n ? `${ms(s.median)} (p95 ${ms(s.p95)})` : 'not run',
      `median ≤ ${limit} ms`,
      s?.n ? s.median <= limit : null,
      '',
      loadOf(size),
    )
  }
  {
    const s = summary[10000]
    const k = s?.keystroke
    const f = s?.keystrokeUnchanged
    add(
      'keystroke → paint p95, 10,000',
      k?.n ? ms(k.p95) : 'not run',
      'p95 ≤ floor + 10 ms',
      k?.n && f?.n ? k.p95 <= f.p95 + 10 : null,
      f?.n ? `floor ${ms(f.median)} (p95 ${ms(f.p95)})` : '',
      loadOf(10000),
    )
  }
  {
    const s = summary[100000]
    const k = s?.keystroke
    const f = s?.keystrokeUnchanged
    add(
      'keystroke → paint p95, 100,000',
      k?.n ? ms(k.p95) : 'not run',
      'p95 ≤ 50 ms',
      k?.n ? k.p95 <= 50 : null,
      f?.n ? `floor ${ms(f.median)} (p95 ${ms(f.p95)})` : '',
      loadOf(100000),
    )
  }
  {
    const s = summary[100000]?.selectAll
    add(
      'select all shown → bar count painted, 100,000',
      s?.n ? `${ms(s.median)} (p95 ${ms(s.p95)})` : 'not run',
      'p95 ≤ 50 ms',
      s?.n ? s.p95 <= 50 : null,
      '',
      loadOf(100000),
    )
  }
  {
    // A rate: the median run, and the slowest run (the p95 of the durations) beside it.
    const ok = batchRate?.runs.filter((r) => !r.error) ?? []
    const rates = ok.map((r) => r.perSecond)
    const median = percentile(rates, 50)
    const slowest = percentile(
      rates.map((r) => -r),
      95,
    )
    const loads = (batchRate?.runs ?? []).flatMap((r) => [r.loadAverageBefore, r.loadAverageAfter])
    add(
      `batch rate, ${(batchRate?.size ?? 500).toLocaleString('en-US')} role changes over HTTP at ${batchRate?.latencyMs ?? 40} ms`,
      !batchRate
        ? 'not run'
        : ok.length
          ? `${median.toFixed(1)}/s (slowest run ${(-slowest).toFixed(1)}/s)`
          : 'failed',
      'median ≥ 80/s',
      ok.length ? median >= 80 : null,
      'ceiling 100/s (4 in flight)',
      loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : '',
    )
  }
  if (wayIn) {
    const ok = wayIn.runs.filter((r) => !r.error)
    const median = percentile(
      ok.map((r) => r.wayIn),
      50,
    )
    const loads = wayIn.runs.flatMap((r) => [r.loadAverageBefore, r.loadAverageAfter])
    add(
      `way in over HTTP (sign-in form → first row), ${wayIn.members.toLocaleString('en-US')}`,
      ok.length
        ? `${ms(median)} (p95 ${ms(
            percentile(
              ok.map((r) => r.wayIn),
              95,
            ),
          )}; wall clock ${ms(
            percentile(
              ok.map((r) => r.wallClock),
              50,
            ),
          )})`
        : 'failed',
      'median ≤ 700 ms',
      ok.length ? median <= 700 : null,
      '',
      loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : '',
    )
  } else {
    add('way in over HTTP (sign-in form → first row), 10,000', 'not run', 'median ≤ 700 ms', null)
  }
  if (overview?.medianMs != null) {
    add(
      `overview computation at ${overview.members.toLocaleString('en-US')} members (Node)`,
      `${ms(overview.medianMs)} (p95 ${ms(overview.p95Ms)}; first call ${ms(overview.firstMs)})`,
      'p95 ≤ 50 ms',
      overview.p95Ms <= 50,
      '',
      `${overview.loadAverageBefore.toFixed(1)}–${overview.loadAverageAfter.toFixed(1)}`,
    )
  } else {
    add('overview computation at 100,000 members (Node)', 'not run', 'p95 ≤ 50 ms', null)
  }
  for (const { way, kb } of budget ?? []) {
    add(`JavaScript, ${way} (gzip -9)`, `${kb.toFixed(1)} KB`, '≤ 132 KB', kb <= 132)
  }
  if (!budget?.length) add('JavaScript on the ways in (gzip -9)', 'not measured', '≤ 132 KB each', null)
  const demoHeap = summary[100000]?.heapUsedMB
  if (httpHeap100k != null) {
    add(
      'heap after loading 100,000 members, over HTTP',
      `${httpHeap100k.toFixed(1)} MB`,
      '≤ 150 MB',
      httpHeap100k <= 150,
    )
  } else {
    add(
      'heap after loading 100,000 members (demo: includes the demo data set)',
      demoHeap?.n ? `${demoHeap.median.toFixed(1)} MB` : 'not run',
      '≤ 150 MB',
      demoHeap?.n ? demoHeap.median <= 150 : null,
      '',
      loadOf(100000),
    )
  }
  return rows
}

export function printTargets(rows) {
  const widths = {
    what: Math.max(...rows.map((r) => r.what.length), 6),
    figure: Math.max(...rows.map((r) => r.figure.length), 6),
    target: Math.max(...rows.map((r) => r.target.length), 6),
    verdict: 7,
    floor: Math.max(...rows.map((r) => r.floor.length), 5),
  }
  console.log('\nTargets (the speed issue):')
  console.log(
    `  ${'figure'.padEnd(widths.what)}  ${'this run'.padEnd(widths.figure)}  ${'target'.padEnd(widths.target)}  ${'verdict'.padEnd(widths.verdict)}  ${'floor'.padEnd(widths.floor)}  load average`,
  )
  for (const r of rows) {
    console.log(
      `  ${r.what.padEnd(widths.what)}  ${r.figure.padEnd(widths.figure)}  ${r.target.padEnd(widths.target)}  ${r.verdict.padEnd(widths.verdict)}  ${r.floor.padEnd(widths.floor)}  ${r.load}`,
    )
  }
}
