// What the members page loads just after its first download rather than with it (the bundle
// budget): the overview's filters and their controls, the passing states, the table's columns (the
// checkbox column, and the others with "Invited"), and the look for a batch to resume. One chunk,
// asked for as the page first renders (members-route.tsx), so it is usually here before the
// directory.
export { OverviewFilterControls, overviewFilterMask } from './member-overview-filters'
export { IncompleteNotice, LoadingProgress, NoMatches, NoMembersYet, StoredAge } from './member-list-notices'
export { memberSelectColumn, memberSelectionBar } from './member-selection'
export { SelectionBarSlot, SelectionScope } from '../../components/selection/select-column'
export { listSelection } from '../../components/selection/selection-store'
export { UnfinishedBatch } from './bulk/unfinished-batch'
export { hideableMemberTableColumns, memberTableColumns } from './invitations/invited-column'
