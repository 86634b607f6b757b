// "Back to {group}" for pages reached from a group's page (a guest's page today). Its own module,
// not back-link.ts, so only the lazily loaded group and guest pages carry it, never /members.
import { backLinkTarget, type BackLinkState } from './back-link'

/** Router state for a link out of a group's page. */
export interface GroupBackLinkState extends BackLinkState {
  /** The group's name, for the link's text. */
  backLabel: string
  /** The group page's own router state, so its "Back to groups" still returns to the list as left. */
  backState?: unknown
}

export interface BackLinkTo {
  to: string
  label: string
  state?: unknown
}

// The group ID shape of features/groups/group-id.ts; anything else in history state is ignored.
const groupPathPattern = /^\/groups\/[A-Za-z0-9_-]{1,64}$/

export function groupBackLinkState(
  groupPath: string,
  groupName: string,
  groupState?: unknown,
): GroupBackLinkState {
  return { backTo: groupPath, backLabel: groupName, backState: groupState ?? undefined }
}

/**
 * Where "Back to …" goes on a page that opens from its list or from a group's page: the group when
 * the state names one, else the list as the person left it (backLinkTarget), else the plain list.
 */
export function backLinkFrom(state: unknown, listPath: string, listLabel: string): BackLinkTo {
  if (typeof state === 'object' && state !== null && 'backTo' in state) {
    const { backTo, backLabel, backState } = state as Partial<Record<keyof GroupBackLinkState, unknown>>
    if (typeof backTo === 'string' && groupPathPattern.test(backTo)) {
      const name = typeof backLabel === 'string' ? backLabel.trim() : ''
      return { to: backTo, label: `Back to ${name === '' ? 'the group' : name}`, state: backState }
    }
  }
  return { to: backLinkTarget(state, listPath), label: listLabel }
}
