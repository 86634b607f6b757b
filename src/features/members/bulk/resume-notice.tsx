// "Resume" / "Discard" for a batch a reload or a crash cut short (the journal of
// api/writes/batch-journal.ts). Resume sends only to those not done: the people perhaps sent before
// the page closed are read first and sent only when their change is not there, so nobody is done
// twice. Discard forgets the journal. Shown to admins (only they could have started it), and not
// while the batch is still running in this tab.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { batches } from '../../../api/writes/batch'
import {
  discardJournal,
  isBatchRunning,
  readJournal,
  unfinishedKeys,
  withBatchLock,
} from '../../../api/writes/batch-journal'
import { formatCount } from '../../../lib/format'
import { useIsAdmin } from '../../auth/session'
import { showBatch } from './bulk-dialog-host'
import { isBatchKind } from './bulk-kinds'
import { isEnded, resumeBatch } from './bulk-run'

const noop = () => () => {}

export default function ResumeNotice({ orgId }: { orgId: string }) {
  const qc = useQueryClient()
  const isAdmin = useIsAdmin()
  const [dismissed, setDismissed] = useState(false)
  // Read at every render: a batch of this tab's own that ends re-renders this (below), and its
  // journal is then gone (all done) or says what is left.
  const journal = dismissed ? null : readJournal(orgId)
  const running = journal ? batches.get(journal.id) : undefined
  // A batch of this tab's own still running: its dialog and Activity speak for it.
  const ended = useSyncExternalStore(running ? running.subscribe : noop, () =>
    running ? isEnded(running.getState()) : true,
  )
  // A batch another tab of this browser is running (it holds the batch's lock) is not cut short:
  // offering Resume here could send its people twice. Asked once per journal; null while asking.
  const journalId = journal?.id ?? null
  const [runningElsewhere, setRunningElsewhere] = useState<{ id: string; running: boolean } | null>(null)
  useEffect(() => {
    if (journalId === null) return
    let live = true
    void isBatchRunning(orgId, journalId).then((held) => {
      if (live) setRunningElsewhere({ id: journalId, running: held })
    })
    return () => {
      live = false
    }
  }, [orgId, journalId])
  const elsewhere = runningElsewhere?.id === journalId ? runningElsewhere.running : null
  if (!journal || !isAdmin || !isBatchKind(journal.kind) || !ended || elsewhere !== false) return null
  const { verifyFirst, toSend } = unfinishedKeys(journal)
  const left = verifyFirst.length + toSend.length
  if (left === 0) return null
  const total = Object.keys(journal.items).length

  const resume = () => {
    const ctx = { qc, orgId }
    // Taken under the batch's lock: a tab that started the same Resume a moment earlier wins, and this
    // one then says so instead of sending anything.
    void withBatchLock(orgId, journal.id, () => {
      const run = resumeBatch(ctx, journal)
      if (run) showBatch(ctx, run.handle.id)
      return run ? run.handle.done : null
    }).then((started) => {
      if (!started) setRunningElsewhere({ id: journal.id, running: true })
    })
    setDismissed(true)
  }

  return (
    <section className="banner banner--info resume-notice" aria-labelledby="resume-notice-title">
      <div className="resume-notice__text">
        <h2 id="resume-notice-title" className="resume-notice__title">
          “{journal.label}” did not finish
        </h2>
        <p>
          {formatCount(left)} of {formatCount(total)} {total === 1 ? 'person is' : 'people are'} still to do.
          {verifyFirst.length > 0
            ? ` ${formatCount(verifyFirst.length)} may have been changed before the page closed: Resume reads ${verifyFirst.length === 1 ? 'that one' : 'those'} first and changes nobody twice.`
            : ''}
        </p>
      </div>
      <div className="resume-notice__actions">
        <button type="button" className="button button--small button--primary" onClick={resume}>
          Resume
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            discardJournal(orgId, journal.id)
            setDismissed(true)
          }}
        >
          Discard
        </button>
      </div>
    </section>
  )
}
