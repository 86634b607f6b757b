// The one shape of router state that a link into a detail page carries, so the page's "Back to …"
// link returns to the list exactly as the person left it (search, sort, filters).

export interface BackLinkState {
  /** The list's path and search, e.g. "/members?q=ann&sort=-role". */
  backTo: string
}

export function backLinkState(pathname: string, search: string): BackLinkState {
  return { backTo: `${pathname}${search}` }
}

/**
 * Where "Back to …" goes: `state.backTo` when it is that list (same path, any search, no other
 * origin or path smuggled in through history state), else the plain list.
 */
export function backLinkTarget(state: unknown, listPath: string): string {
  if (typeof state === 'object' && state !== null && 'backTo' in state) {
    const backTo: unknown = state.backTo
    if (typeof backTo === 'string' && backTo.startsWith(listPath)) {
      const rest = backTo.slice(listPath.length)
      if (rest === '' || /^\?[^#]*$/.test(rest)) return backTo
    }
  }
  return listPath
}
