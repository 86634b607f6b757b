// Where an offboarding dialog sends the admin once the member is gone from the directory (their
// guest page, the members list). Only while the dialog is still open: a write that outlived it (the
// admin went elsewhere meanwhile) must not pull them away from what they are doing now.
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'

export function useLeavePage() {
  const navigate = useNavigate()
  const open = useRef(true)
  useEffect(() => {
    open.current = true
    return () => {
      open.current = false
    }
  }, [])
  return (to: string) => {
    if (open.current) void navigate(to)
  }
}
