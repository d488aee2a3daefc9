import type { Caller } from '../../src/graphql/context.js';

/** The caller of tests that are not about access control: DfE staff, who may do anything. */
export const DEVELOPER: Caller = { id: 'developer@localhost', role: 'dfe-staff', regions: [] };
