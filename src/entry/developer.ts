import type { Caller } from '../graphql/context.js';

/** The caller of local development requests. */
export const DEVELOPER: Caller = { id: 'developer@localhost', role: 'dfe-staff', regions: [] };
