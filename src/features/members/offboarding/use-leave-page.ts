// Where an offboarding dialog sends the admin once the member is gone from the directory (their
// guest page, the members list). Only while the dialog is still open: a write that outlived it (the
// admin went elsewhere meanwhile) must not pull them away from what they are doing now.
//
// Resolves once the dialog, and so the member's page around it, has left the screen (or after
// LEAVE_WAIT_MS, should the navigation never end): only then may the member leave the cache, or
// their page, still showing while the next page's code loads, would ask Tallyfy for them again.
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'

const LEAVE_WAIT_MS = 3000

export function useLeavePage(): (to: string) => Promise<void> {
  const navigate = useNavigate()
  const open = useRef(true)
  const left = useRef<(() => void) | null>(null)
  useEffect(() => {
    open.current = true
    return () => {
      open.current = false
      left.current?.()
    }
  }, [])
  return (to) => {
    if (!open.current) return Promise.resolve()
    const gone = new Promise<void>((resolve) => {
      left.current = resolve
      setTimeout(resolve, LEAVE_WAIT_MS)
    })
    void navigate(to)
    return gone
  }
}
