import type { LocationResolvers, QueryResolvers, SchoolResolvers } from '../generated/resolvers.js';
import { locationConversions } from '../location-conversions.js';
import { searchSchools } from '../school-search.js';
import { schoolsNear } from '../schools-near.js';

export const searchQueries: QueryResolvers = {
  searchSchools: (_parent, args, context) => searchSchools(context, args),
  schoolsNear: (_parent, args, context) => schoolsNear(context, args),
};

export const SchoolLocationFields: SchoolResolvers = {
  location: (school) =>
    school.easting === null || school.northing === null ? null : { easting: school.easting, northing: school.northing },
};

/** A location is its grid point; latitude and longitude are converted only when asked for. */
export const Location: LocationResolvers = {
  latitude: async (point) => (await locationConversions()).toLatLong(point).latitude,
  longitude: async (point) => (await locationConversions()).toLatLong(point).longitude,
};
