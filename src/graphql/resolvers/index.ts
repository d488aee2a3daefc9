import type { Resolvers } from '../generated/resolvers.js';
import { LocalAuthorityConnection, SchoolConnection } from './connections.js';
import { DateScalar } from './date-scalar.js';
import { designateTeachingSchool } from './designate-teaching-school.js';
import { LocalAuthority, Region } from './places.js';
import { Query } from './query.js';
import { School } from './school.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation: { designateTeachingSchool },
  School,
  Region,
  LocalAuthority,
  SchoolConnection,
  LocalAuthorityConnection,
};
