import { toLatLong } from '../../domain/location.js';
import type { QueryResolvers, SchoolResolvers } from '../generated/resolvers.js';
import { searchSchools } from '../school-search.js';
import { schoolsNear } from '../schools-near.js';

export const searchQueries: QueryResolvers = {
  searchSchools: (_parent, args, context) => searchSchools(context, args),
  schoolsNear: (_parent, args, context) => schoolsNear(context, args),
};

export const SchoolLocationFields: SchoolResolvers = {
  location: (school) =>
    school.easting === null || school.northing === null
      ? null
      : {
          easting: school.easting,
          northing: school.northing,
          ...toLatLong({ easting: school.easting, northing: school.northing }),
        },
};
