import { parseIsoDate, today } from '../../domain/dates.js';
import { designate } from '../../domain/designation.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { changeSchool } from '../school-change.js';

export const designateTeachingSchool: MutationResolvers['designateTeachingSchool'] = (_parent, { input }, context) =>
  changeSchool(context, 'designateTeachingSchool', input, (school) =>
    designate(
      school,
      { cohort: input.cohort ?? null, designatedOn: input.designatedOn ? parseIsoDate(input.designatedOn, 'designatedOn') : null },
      today(context.now()),
    ),
  );
