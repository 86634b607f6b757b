import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { flushSync } from 'react-dom'
import { Navigate, useSearchParams } from 'react-router'
import { credentialStore, useCredentials } from '../../api/credentials'
import { verifyCredentials } from '../../api/me'
import { preloadDirectoryLoader, prefetchFirstDirectoryPage } from '../../api/members/queries'
import type { PrefetchHandle } from '../../api/members/first-page-prefetch'
import { PageTitle } from '../../components/page-title'
import { paths } from '../../lib/paths'
import { onDemand } from '../../lib/on-demand'
import { IDLE_LIMIT_MINUTES, REMEMBERED_LIMIT_DAYS } from '../../lib/session-limits'
import { loadDemo } from './load-demo'
import type { SignInErrorField, SignInFailure } from './sign-in-messages'
import './sign-in.css'

const ORG_ID_PATTERN = /^[0-9a-f]{32}$/i

function looksLikeOrgId(value: string): boolean {
  return ORG_ID_PATTERN.test(value.trim())
}

// The words for a failed sign-in are not needed to show the form: they load while the person types.
const loadSignInMessages = () => import('./sign-in-messages')
// Nor is the check of where to go once signed in (lib/return-to.ts): it loads as the form shows.
const returnToCheck = onDemand(() => import('../../lib/return-to'))

async function signInFailure(error: unknown, token: string): Promise<SignInFailure> {
  const messages = await loadSignInMessages().catch(() => null)
  // Not even those words could be fetched: the connection is what failed.
  if (!messages)
    return {
      field: null,
      message: "Roster couldn't reach Tallyfy. Check your internet connection and try again.",
    }
  return messages.signInFailure(error, token)
}

const describedBy = (...parts: Array<string | false>) => parts.filter(Boolean).join(' ') || undefined

export function Component() {
  const credentials = useCredentials()
  const [searchParams] = useSearchParams()
  // lastEndReason() forgets after one read, so it is read once, when the page mounts, and kept in
  // state. StrictMode calls this initializer twice but keeps the first result (see the test).
  const [endReason] = useState(() => credentialStore.lastEndReason())
  const check = returnToCheck.useModule()
  // While the demo's service worker starts, a real sign-in could be answered by it: one at a time.
  // The other way round too: no demo while a real sign-in is being checked.
  const [demoStarting, setDemoStarting] = useState(false)
  const [signingIn, setSigningIn] = useState(false)

  if (credentials) {
    // A moment while the check arrives; if it cannot, /members rather than an unchecked returnTo.
    if (check === null) return null
    const destination =
      (check !== 'failed' && check.safeReturnTo(searchParams.get('returnTo'))) || paths.members()
    return <Navigate to={destination} replace />
  }

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <PageTitle title="Sign in" />
      <div className="sign-in__inner">
        <header className="sign-in__header">
          <p className="sign-in__brand" aria-hidden="true">
            Roster
          </p>
          <h1>Sign in to Roster</h1>
          <p className="sign-in__lede">
            The members, groups and guests of your Tallyfy organization, in one fast list.
          </p>
        </header>
        {endReason === 'expired' && (
          <p className="banner banner--warning">Your Tallyfy session has ended, sign in again.</p>
        )}
        {endReason === 'signed-out' && <p className="banner banner--info">You signed out.</p>}
        {endReason === 'idle' && (
          <p className="banner banner--info">
            You were signed out after {IDLE_LIMIT_MINUTES} minutes without activity. Sign in again to carry
            on.
          </p>
        )}
        {endReason === 'lifetime' && (
          <p className="banner banner--info">
            Roster remembers a sign-in on a device for {REMEMBERED_LIMIT_DAYS} days, and this one’s time was
            up. Sign in again to carry on.
          </p>
        )}
        <div className="sign-in__ways">
          <SignInForm demoStarting={demoStarting} onChecking={setSigningIn} />
          <DemoEntry onStarting={setDemoStarting} blocked={signingIn} />
        </div>
      </div>
    </main>
  )
}

function SignInForm({
  demoStarting,
  onChecking,
}: {
  demoStarting: boolean
  onChecking: (checking: boolean) => void
}) {
  const ids = useId()
  const orgRef = useRef<HTMLInputElement>(null)
  const tokenRef = useRef<HTMLInputElement>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const abortRef = useRef<AbortController | null>(null)
  const prefetchRef = useRef<PrefetchHandle | null>(null)
  const [orgId, setOrgId] = useState('')
  const [token, setToken] = useState('')
  const [showToken, setShowToken] = useState(false)
  const [remember, setRemember] = useState(false)
  const [orgBlurred, setOrgBlurred] = useState(false)
  const [checking, setCheckingState] = useState(false)
  const setChecking = (next: boolean) => {
    setCheckingState(next)
    onChecking(next)
  }
  const [missing, setMissing] = useState<{ orgId: boolean; token: boolean }>({ orgId: false, token: false })
  const [failure, setFailure] = useState<{ message: string; field: SignInErrorField } | null>(null)

  // The directory's loader is needed the moment sign-in succeeds, the words of a failure the moment
  // it fails: fetch their code while the person types.
  useEffect(preloadDirectoryLoader, [])
  useEffect(() => void loadSignInMessages().catch(() => {}), [])

  // Leaving the page mid-check must not store credentials afterwards, nor keep their first page.
  useEffect(
    () => () => {
      abortRef.current?.abort()
      prefetchRef.current?.discard()
    },
    [],
  )

  const orgWarning = orgBlurred && orgId.trim() !== '' && !looksLikeOrgId(orgId)
  const orgInvalid = missing.orgId || failure?.field === 'orgId'
  const tokenInvalid = missing.token || failure?.field === 'token'
  const errorId = `${ids}-error`

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (checking || demoStarting) return
    const candidate = { orgId: orgId.trim(), token: token.trim(), demo: false }
    const nowMissing = { orgId: candidate.orgId === '', token: candidate.token === '' }
    setMissing(nowMissing)
    setFailure(null)
    setOrgBlurred(true)
    if (nowMissing.orgId || nowMissing.token) {
      ;(nowMissing.orgId ? orgRef : tokenRef).current?.focus()
      return
    }

    abortRef.current?.abort()
    const controller = new AbortController()
    abortRef.current = controller
    setChecking(true)
    // The first page of members loads while the credentials are checked; it is used only if they pass.
    prefetchRef.current?.discard()
    const prefetch = prefetchFirstDirectoryPage(candidate)
    prefetchRef.current = prefetch
    try {
      await verifyCredentials(candidate, controller.signal)
    } catch (error) {
      prefetch.discard()
      if (controller.signal.aborted) return
      const next = await signInFailure(error, candidate.token)
      if (controller.signal.aborted) return
      // Render the message and re-enable the form first, so focus can land on the field to fix.
      flushSync(() => {
        setChecking(false)
        setFailure(next)
      })
      ;(next.field === 'orgId' ? orgRef : next.field === 'token' ? tokenRef : submitRef).current?.focus()
      return
    }
    if (controller.signal.aborted) {
      prefetch.discard()
      return
    }
    prefetch.accept()
    prefetchRef.current = null
    // Storing the credentials re-renders the page, which then redirects to where the person was going.
    credentialStore.set(candidate, { remember })
  }

  return (
    <section className="sign-in__card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>With your Tallyfy account</h2>
      <form className="sign-in__form" noValidate onSubmit={onSubmit} aria-busy={checking}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-org`}>
            Organization ID
          </label>
          <input
            ref={orgRef}
            id={`${ids}-org`}
            className="input"
            name="orgId"
            value={orgId}
            onChange={(e) => {
              setOrgId(e.target.value)
              if (e.target.value.trim()) setMissing((m) => ({ ...m, orgId: false }))
            }}
            onBlur={() => setOrgBlurred(true)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            aria-invalid={orgInvalid || undefined}
            aria-describedby={describedBy(
              missing.orgId && `${ids}-org-missing`,
              orgWarning && `${ids}-org-warning`,
              `${ids}-org-hint`,
              failure?.field === 'orgId' && errorId,
            )}
          />
          {missing.orgId && (
            <p className="field__error" id={`${ids}-org-missing`}>
              Enter your organization ID.
            </p>
          )}
          {orgWarning && (
            <p className="field__warning" id={`${ids}-org-warning`}>
              This doesn't look like a Tallyfy organization ID (32 letters and digits). You can still try it.
            </p>
          )}
          <p className="field__hint" id={`${ids}-org-hint`}>
            In Tallyfy, under Settings &gt; Organization.
          </p>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-token`}>
            Access token
          </label>
          <div className="input-group">
            <input
              ref={tokenRef}
              id={`${ids}-token`}
              className="input"
              name="token"
              type={showToken ? 'text' : 'password'}
              value={token}
              onChange={(e) => {
                setToken(e.target.value)
                if (e.target.value.trim()) setMissing((m) => ({ ...m, token: false }))
              }}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
              aria-invalid={tokenInvalid || undefined}
              aria-describedby={describedBy(
                missing.token && `${ids}-token-missing`,
                `${ids}-token-hint`,
                failure?.field === 'token' && errorId,
              )}
            />
            <button
              type="button"
              className="button"
              aria-pressed={showToken}
              aria-label="Show token"
              onClick={() => setShowToken((v) => !v)}
            >
              Show
            </button>
          </div>
          {missing.token && (
            <p className="field__error" id={`${ids}-token-missing`}>
              Enter your access token.
            </p>
          )}
          <p className="field__hint" id={`${ids}-token-hint`}>
            In Tallyfy, under Settings &gt; Integrations &gt; REST API. Tokens last six months and stop
            working when you log out of Tallyfy's web app.
          </p>
        </div>

        <label className="checkbox">
          <input
            type="checkbox"
            name="remember"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          Remember me on this device
        </label>

        <div role="alert" aria-atomic="true" id={errorId} className="sign-in__alert">
          {failure && <p className="banner banner--danger">{failure.message}</p>}
        </div>

        <button
          ref={submitRef}
          type="submit"
          className="button button--primary button--block"
          disabled={checking || demoStarting}
        >
          {checking ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="field__hint">
          Without Remember me, Roster keeps the token only in this tab. It is sent only to Tallyfy.
        </p>
      </form>
    </section>
  )
}

function DemoEntry({ onStarting, blocked }: { onStarting: (starting: boolean) => void; blocked: boolean }) {
  const ids = useId()
  const [state, setState] = useState<'idle' | 'starting' | 'failed'>('idle')

  async function openDemo() {
    if (blocked) return
    setState('starting')
    onStarting(true)
    let credentials
    try {
      const demo = await loadDemo()
      await demo.startDemo()
      credentials = demo.demoCredentials
    } catch (error) {
      console.error('The demo organization could not start', error)
      setState('failed')
      onStarting(false)
      return
    }
    credentialStore.set(credentials, { remember: false })
  }

  return (
    <section className="sign-in__card sign-in__card--demo" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Just looking?</h2>
      <button
        type="button"
        className="button button--primary button--block"
        onClick={openDemo}
        disabled={state === 'starting' || blocked}
        aria-describedby={`${ids}-note`}
      >
        Explore the demo organization
      </button>
      <p className="field__hint" id={`${ids}-note`}>
        No Tallyfy account needed. Sample data, nothing leaves your browser.
      </p>
      <div role="alert" className="sign-in__alert">
        {state === 'failed' && (
          <p className="banner banner--danger">
            The demo couldn't start in this browser. It needs service workers, which private windows sometimes
            block.
          </p>
        )}
      </div>
    </section>
  )
}
