import type { MutationResolvers } from '../generated/resolvers.js';
import { staffOnly } from '../staff-only.js';
import { allianceMutations } from './alliance.js';
import { allianceMembershipMutations } from './alliance-membership.js';
import { networkMutations } from './network.js';
import { schoolMutations } from './school.js';

/** Every mutation, one file per aggregate; partners are refused them all before anything is read. */
export const Mutation: MutationResolvers = staffOnly({
  ...schoolMutations,
  ...allianceMutations,
  ...allianceMembershipMutations,
  ...networkMutations,
});
