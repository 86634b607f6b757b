// The overview's "Inactive after" threshold lives in the URL (?inactive=60), so a shared link shows
// the same figures; the default (90 days) is left out.
import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { INACTIVE_DAY_CHOICES, type InactiveDays } from '../../lib/recency'

export const DEFAULT_INACTIVE_DAYS: InactiveDays = 90

export function parseInactiveDays(value: string | null): InactiveDays {
  const days = Number(value)
  return (INACTIVE_DAY_CHOICES as readonly number[]).includes(days) && value === String(days)
    ? (days as InactiveDays)
    : DEFAULT_INACTIVE_DAYS
}

export function useInactiveDays(): [InactiveDays, (days: InactiveDays) => void] {
  const [searchParams, setSearchParams] = useSearchParams()
  const days = parseInactiveDays(searchParams.get('inactive'))
  const setDays = useCallback(
    (next: InactiveDays) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current)
        if (next === DEFAULT_INACTIVE_DAYS) params.delete('inactive')
        else params.set('inactive', String(next))
        return params
      }),
    [setSearchParams],
  )
  return [days, setDays]
}
