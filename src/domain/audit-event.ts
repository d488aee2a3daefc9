/** Who made a change: the caller's identity as the request's token names it. */
export interface Actor {
  id: string;
  role: string;
}

/** A record of one change, written in the same transaction as the change itself. */
export interface AuditEvent {
  /** What the change was about, such as `SCHOOL#100000`. */
  subject: string;
  /** ISO timestamp. */
  at: string;
  /** Unique per event: the request id and the subject (`<request id>#<subject>`). */
  id: string;
  actor: Actor;
  /** The mutation or command, such as `designateTeachingSchool`. */
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * The subject of audit events about a school, an alliance, a network or the whole registry (a fresh load): the one
 * place these strings are made.
 */
export const auditSubject = {
  school: (urn: string) => `SCHOOL#${urn}`,
  alliance: (id: string) => `ALLIANCE#${id}`,
  network: (id: string) => `NETWORK#${id}`,
  registry: () => 'REGISTRY',
} as const;
