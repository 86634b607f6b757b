// Selecting members (issue #21): the table's checkbox column and where its bar comes from. Part of
// the page's later chunk (member-list-later.ts), which is here before the first rows; the bar itself
// (with the bulk actions) is fetched on the first hover or focus of a checkbox, or the first selection.
import type { Member } from '../../api/types'
import { barLoader, selectColumn } from '../../components/selection/select-column'

/** "Select {full name}": the name the Name cell shows (Tallyfy's, or the email, or "Member #id"). */
export const memberSelectColumn = selectColumn<Member>((member) => member.fullName)

export const memberSelectionBar = barLoader(() => import('./member-selection-bar'))
