// What a leaver owns, by part (GET /users/{id}/reassignment-information): templates, steps, tasks in
// running processes (by process) and one-off tasks. Only the parts that hold something are listed,
// each with its count; long parts show their first few and say how many more, so the dialog stays
// readable for someone who owns hundreds of tasks (the count is what the decision needs).
import type { ReassignmentInfo } from '../../../api/types'
import { formatCount, formatDate } from '../../../lib/format'

const SHOWN = 5

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`

function More({ total }: { total: number }) {
  if (total <= SHOWN) return null
  return <li className="owned-work__more">and {plural(total - SHOWN, 'more', 'more')}</li>
}

function Due({ deadline }: { deadline: string | null }) {
  const date = formatDate(deadline)
  return date ? <span className="owned-work__due"> · due {date}</span> : null
}

/** "2 templates, 3 steps, 5 tasks in 2 running processes and 2 one-off tasks". */
export function ownedWorkSummary(info: ReassignmentInfo): string {
  const processTasks = info.processes.reduce((n, p) => n + p.tasks.length, 0)
  const parts = [
    info.templates.length > 0 ? plural(info.templates.length, 'template') : null,
    info.steps.length > 0 ? plural(info.steps.length, 'step') : null,
    info.processes.length > 0
      ? `${plural(processTasks, 'task')} in ${plural(info.processes.length, 'running process', 'running processes')}`
      : null,
    info.oneOffTasks.length > 0 ? plural(info.oneOffTasks.length, 'one-off task') : null,
    info.unreadable
      ? plural(info.unreadable, 'item Roster could not read', 'items Roster could not read')
      : null,
  ].filter((part): part is string => part !== null)
  return listFormat.format(parts)
}

const listFormat = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' })

export function OwnedWork({ info, name }: { info: ReassignmentInfo; name: string }) {
  const templateTitle = new Map(info.templates.map((t) => [t.id, t.title]))
  const processTasks = info.processes.reduce((n, p) => n + p.tasks.length, 0)
  return (
    <div className="owned-work">
      <p>{`${name} owns ${ownedWorkSummary(info)}.`}</p>
      {info.templates.length > 0 && (
        <section className="owned-work__part">
          <h3>Templates ({formatCount(info.templates.length)})</h3>
          <ul>
            {info.templates.slice(0, SHOWN).map((t) => (
              <li key={t.id}>{t.title}</li>
            ))}
            <More total={info.templates.length} />
          </ul>
        </section>
      )}
      {info.steps.length > 0 && (
        <section className="owned-work__part">
          <h3>Steps ({formatCount(info.steps.length)})</h3>
          <ul>
            {info.steps.slice(0, SHOWN).map((s) => {
              const template = s.templateId ? templateTitle.get(s.templateId) : undefined
              return (
                <li key={s.id}>
                  {s.title}
                  {template ? <span className="owned-work__context"> · in {template}</span> : null}
                </li>
              )
            })}
            <More total={info.steps.length} />
          </ul>
        </section>
      )}
      {info.processes.length > 0 && (
        <section className="owned-work__part">
          <h3>Tasks in running processes ({formatCount(processTasks)})</h3>
          <ul>
            {info.processes.slice(0, SHOWN).map((p) => (
              <li key={p.processId}>
                <span className="owned-work__process">{p.runName}</span>
                {p.templateName ? <span className="owned-work__context"> · {p.templateName}</span> : null}
                <ul>
                  {p.tasks.slice(0, SHOWN).map((t) => (
                    <li key={t.id}>
                      {t.name}
                      <Due deadline={t.deadline} />
                    </li>
                  ))}
                  <More total={p.tasks.length} />
                </ul>
              </li>
            ))}
            {info.processes.length > SHOWN && (
              <li className="owned-work__more">
                and {plural(info.processes.length - SHOWN, 'more process', 'more processes')}
              </li>
            )}
          </ul>
        </section>
      )}
      {info.oneOffTasks.length > 0 && (
        <section className="owned-work__part">
          <h3>One-off tasks ({formatCount(info.oneOffTasks.length)})</h3>
          <ul>
            {info.oneOffTasks.slice(0, SHOWN).map((t) => (
              <li key={t.id}>
                {t.name}
                <Due deadline={t.deadline} />
              </li>
            ))}
            <More total={info.oneOffTasks.length} />
          </ul>
        </section>
      )}
    </div>
  )
}
