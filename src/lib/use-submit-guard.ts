// One write per submit, on every write form. A second click, Enter or double-click can arrive before
// React has re-rendered the disabled button (TanStack Query tells components a mutation is pending
// on its next tick, and a state update lands after the event), so what refuses it is a ref, set
// synchronously when the submit starts. Keys let one form guard several things at once: "Add
// member" refuses the same person twice while still taking the next one.
import { useMemo, useRef } from 'react'

export interface SubmitGuard {
  /**
   * Starts a submit: true when it may go, false when one with this key is under way (then do
   * nothing). Call it after the form's own checks, right before sending.
   */
  claim(key?: string): boolean
  /** That submit is over (answered, refused, or stopped before sending): the next one may go. */
  release(key?: string): void
  /** Whether a submit with this key is under way, for handlers; render from the mutation's state. */
  busy(key?: string): boolean
  /**
   * `claim`, then `send()`, released when its promise settles (its rejection is the caller's to
   * handle through the mutation's callbacks, and is not raised again here). False when refused.
   */
  run(send: () => PromiseLike<unknown>, key?: string): boolean
}

export function useSubmitGuard(): SubmitGuard {
  const pending = useRef<Set<string> | null>(null)
  return useMemo(() => {
    const keys = () => (pending.current ??= new Set())
    const guard: SubmitGuard = {
      claim: (key = '') => {
        if (keys().has(key)) return false
        keys().add(key)
        return true
      },
      release: (key = '') => void keys().delete(key),
      busy: (key = '') => keys().has(key),
      run: (send, key = '') => {
        if (!guard.claim(key)) return false
        let sent: PromiseLike<unknown>
        try {
          sent = send()
        } catch (error) {
          guard.release(key)
          throw error
        }
        void Promise.resolve(sent)
          .catch(() => undefined)
          .finally(() => guard.release(key))
        return true
      },
    }
    return guard
  }, [])
}
