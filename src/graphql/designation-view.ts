import type { Designation } from '../domain/designation.js';

/** A designation as GraphQL shows it: with the school's earlier designations as its history. */
export type DesignationView = Designation & { history: Designation[] };
