// What the demo organization holds, read from its data in memory (not through the API, where the
// faults the browser is put through would stand in the way), and put in the words the pages use.

const roleLabels = { admin: 'Administrator', standard: 'Standard', light: 'Light' }
const statusLabels = { active: 'Active', invited: 'Invited', disabled: 'Disabled', unknown: 'Unknown' }

const inGroup = (g, memberId) => g.members.some((m) => Number(m) === Number(memberId))
const hasGuest = (g, email) => g.guests.some((e) => e.toLowerCase() === email.toLowerCase())

export function createTruth(world) {
  const { org, parseMember } = world
  const member = (id) => org.members.find((m) => m.id === Number(id)) ?? null
  const group = (id) => org.groups.find((g) => g.id === id) ?? null
  /** A member as Roster maps the wire record (its own mapping, so names and roles read alike). */
  const view = (id) => {
    const wire = member(id)
    return wire ? parseMember({ data: wire }) : null
  }

  return {
    org,
    member,
    group,
    view,
    inGroup,
    hasGuest,
    roleLabel: (m) => roleLabels[m.role] ?? (m.rawRole?.trim() || '—'),
    statusLabel: (m) => statusLabels[m.status] ?? 'Unknown',
    groupsOf: (memberId) => org.groups.filter((g) => inGroup(g, memberId)),
    /** Every member as Roster maps them. */
    all: () => org.members.map((m) => parseMember({ data: m })),
    memberByEmail: (email) => org.members.find((m) => m.email.toLowerCase() === email.toLowerCase()) ?? null,
    /**
     * The value a ledger key stands for now: `role:<id>`, `status:<id>`, `in:<group>:<member>`,
     * `guest:<group>:<email>`, `member:<email>`.
     */
    valueOf(key) {
      const [kind, a = '', b = ''] = key.split(':')
      switch (kind) {
        case 'role': {
          // Compared as Roster reads a role: any case, and Tallyfy's "administrator" is admin.
          const raw = (member(a)?.role ?? member(a)?.user_role ?? null)?.toLowerCase() ?? null
          return raw === 'administrator' ? 'admin' : raw
        }
        case 'status':
          return member(a)?.status ?? null
        case 'in': {
          const g = group(a)
          return g ? inGroup(g, b) : null
        }
        case 'guest': {
          const g = group(a)
          return g ? hasGuest(g, b) : null
        }
        case 'member':
          return org.members.some((m) => m.email.toLowerCase() === a)
        default:
          throw new Error(`soak: unknown ledger key ${key}`)
      }
    },
  }
}
