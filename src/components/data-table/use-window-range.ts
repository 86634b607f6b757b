// Which rows of a fixed-row-height list the window shows, plus some overscan on either side.
// Replaces @tanstack/react-virtual's window virtualizer for the data table: every row has the same
// height (CSS --row-height), so the range is arithmetic on the scroll position, and the general
// virtualizer (measuring, dynamic sizes, smooth scrolling: ~9 KB gzipped on the way in) is not needed.
import { useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'

interface RowRange {
  /** First row to render (inclusive). */
  first: number
  /** Last row to render (inclusive); -1 when there are none. */
  last: number
}

interface RangeInput {
  count: number
  rowHeight: number
  /** Where the first row starts, in page coordinates. */
  offset: number
  overscan: number
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** Pure: the rows to render for a scroll position and viewport height. */
export function rowRange(
  { count, rowHeight, offset, overscan }: RangeInput,
  scrollY: number,
  viewportHeight: number,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 }
  const top = scrollY - offset
  const firstVisible = clamp(Math.floor(top / rowHeight), 0, count - 1)
  const lastVisible = clamp(Math.ceil((top + viewportHeight) / rowHeight) - 1, firstVisible, count - 1)
  return { first: Math.max(0, firstVisible - overscan), last: Math.min(count - 1, lastVisible + overscan) }
}

const sameRange = (a: RowRange, b: RowRange) => a.first === b.first && a.last === b.last

/**
 * The range for the window's current scroll position, updated on scroll and resize. Updates during
 * a scroll are rendered synchronously (flushSync), so the rows that scroll in are in the very frame
 * that shows them, as the virtualizer did.
 */
export function useWindowRange(input: RangeInput): RowRange {
  const { count, rowHeight, offset, overscan } = input
  const [range, setRange] = useState<RowRange>(() =>
    rowRange({ count, rowHeight, offset, overscan }, window.scrollY, window.innerHeight),
  )
  // The window's scroll position and height as the last scroll or resize event left them. A new
  // count (each keystroke of a search) recomputes the range from these instead of reading
  // window.scrollY, which in a layout effect would make the browser lay the page out mid-commit.
  const viewport = useRef<{ scrollY: number; height: number } | null>(null)
  const inputRef = useRef(input)
  useLayoutEffect(() => {
    inputRef.current = { count, rowHeight, offset, overscan }
    const vp = viewport.current
    if (!vp) return
    const next = rowRange(inputRef.current, vp.scrollY, vp.height)
    setRange((old) => (sameRange(old, next) ? old : next))
  }, [count, rowHeight, offset, overscan])
  useLayoutEffect(() => {
    const update = () => {
      const vp = { scrollY: window.scrollY, height: window.innerHeight }
      viewport.current = vp
      const next = rowRange(inputRef.current, vp.scrollY, vp.height)
      setRange((old) => (sameRange(old, next) ? old : next))
    }
    update()
    const onScroll = () => flushSync(update)
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll)
    return () => {
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onScroll)
      viewport.current = null
    }
  }, [])
  // A shorter list (search, a reset) is clamped at once, before the effect reads the window again.
  return range.last <= count - 1 ? range : rowRange(input, window.scrollY, window.innerHeight)
}
