import type { Resolvers } from '../generated/resolvers.js';
import { staffOnly } from '../staff-only.js';
import { AllianceConnection, AllianceMembershipConnection, LocalAuthorityConnection, SchoolConnection } from './connections.js';
import { DateScalar } from './date-scalar.js';
import { designateTeachingSchool } from './designate-teaching-school.js';
import { LocalAuthority, Region } from './places.js';
import { Alliance, AllianceMembership, DeliveryAreaLead, SchoolAllianceFields, TeachingSchoolNetwork } from './alliance.js';
import { allianceDetailMutations } from './alliance-details.js';
import { allianceLeadMutations } from './alliance-leads.js';
import { allianceMemberMutations } from './alliance-members.js';
import { allianceQueries } from './alliance-queries.js';
import { Query } from './query.js';
import { School } from './school.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...Query, ...allianceQueries },
  Mutation: staffOnly({ designateTeachingSchool, ...allianceLeadMutations, ...allianceMemberMutations, ...allianceDetailMutations }),
  School: { ...School, ...SchoolAllianceFields },
  Alliance,
  AllianceMembership,
  DeliveryAreaLead,
  TeachingSchoolNetwork,
  Region,
  LocalAuthority,
  SchoolConnection,
  LocalAuthorityConnection,
  AllianceConnection,
  AllianceMembershipConnection,
};
