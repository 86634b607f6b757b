import { describe, expect, it } from 'vitest'
import { rowRange } from './use-window-range'

const list = { count: 1000, rowHeight: 50, offset: 200, overscan: 5 }

describe('rowRange', () => {
  it('renders the rows in the window plus the overscan on either side', () => {
    // Scrolled 1,200 px: the rows start at 200, so rows 20 to 37 are in a 900 px window.
    expect(rowRange(list, 1200, 900)).toEqual({ first: 15, last: 42 })
  })

  it('starts at the first row while the table is still below the fold', () => {
    expect(rowRange(list, 0, 900)).toEqual({ first: 0, last: 18 })
    expect(rowRange({ ...list, offset: 5000 }, 0, 900)).toEqual({ first: 0, last: 5 })
  })

  it('stops at the last row at the bottom, and renders nothing for no rows', () => {
    expect(rowRange(list, 200 + 1000 * 50 - 900, 900)).toEqual({ first: 977, last: 999 })
    expect(rowRange({ ...list, count: 3 }, 99_999, 900)).toEqual({ first: 0, last: 2 })
    expect(rowRange({ ...list, count: 0 }, 0, 900)).toEqual({ first: 0, last: -1 })
  })
})
