/** Establishment status, as GIAS's `EstablishmentStatus (name)` names it. */
export const ESTABLISHMENT_STATUSES = {
  OPEN: 'Open',
  OPEN_PROPOSED_TO_CLOSE: 'Open, but proposed to close',
  PROPOSED_TO_OPEN: 'Proposed to open',
  CLOSED: 'Closed',
} as const;

export type EstablishmentStatus = keyof typeof ESTABLISHMENT_STATUSES;

/** Coverage counts open establishments only; one proposed to close is still open. */
export const OPEN_STATUSES: readonly EstablishmentStatus[] = ['OPEN', 'OPEN_PROPOSED_TO_CLOSE'];

export function isOpen(status: EstablishmentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
