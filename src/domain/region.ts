/** The nine Government Office Regions (GOR) of England, as GIAS's `GOR (name)` names them. */
export const GOR_REGIONS = {
  NORTH_EAST: 'North East',
  NORTH_WEST: 'North West',
  YORKSHIRE_AND_THE_HUMBER: 'Yorkshire and the Humber',
  EAST_MIDLANDS: 'East Midlands',
  WEST_MIDLANDS: 'West Midlands',
  EAST_OF_ENGLAND: 'East of England',
  LONDON: 'London',
  SOUTH_EAST: 'South East',
  SOUTH_WEST: 'South West',
} as const;

export type GorRegion = keyof typeof GOR_REGIONS;
export const GOR_REGION_CODES = Object.keys(GOR_REGIONS) as GorRegion[];

/**
 * The eight Regional Schools Commissioner (RSC) regions, which the Teaching Schools Council worked in, as
 * GIAS's `RSCRegion (name)` names them. A local authority belongs to one (three have none).
 */
export const RSC_REGIONS = [
  'East Midlands & Humber',
  'East of England & North East London',
  'Lancashire & West Yorkshire',
  'North',
  'South Central & North West London',
  'South East & South London',
  'South West',
  'West Midlands',
] as const;

export type RscRegion = (typeof RSC_REGIONS)[number];
