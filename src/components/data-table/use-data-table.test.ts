import { describe, expect, it } from 'vitest'
import { nextSorting } from './use-data-table'

type Id = 'name' | 'email'
const isId = (id: string): id is Id => id === 'name' || id === 'email'

describe('nextSorting', () => {
  it('applies an updater to the current sorting', () => {
    const next = nextSorting(
      (prev) => [...prev, { id: 'email', desc: true }],
      [{ id: 'name', desc: false }],
      isId,
    )
    expect(next).toEqual([
      { id: 'name', desc: false },
      { id: 'email', desc: true },
    ])
  })

  it('takes a plain value as it is', () => {
    expect(nextSorting([{ id: 'email', desc: false }], [{ id: 'name', desc: false }], isId)).toEqual([
      { id: 'email', desc: false },
    ])
  })

  it('drops keys the list does not know, so the URL only ever holds valid ones', () => {
    expect(
      nextSorting(
        [
          { id: 'avatar', desc: false },
          { id: 'name', desc: true },
        ],
        [],
        isId,
      ),
    ).toEqual([{ id: 'name', desc: true }])
  })

  it('never hands the updater the caller’s own array to mutate', () => {
    const current = [{ id: 'name' as const, desc: false }]
    nextSorting(
      (prev) => {
        prev.push({ id: 'email', desc: false })
        return prev
      },
      current,
      isId,
    )
    expect(current).toEqual([{ id: 'name', desc: false }])
  })
})
