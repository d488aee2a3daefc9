/**
 * The British National Grid (EPSG:27700): eastings and northings in metres. Distances are straight lines
 * on the grid. Places are looked up by strips of the grid: every point is in the strip of its easting,
 * and a circle of a given radius touches a fixed number of strips that depends on the radius only.
 */

/** A point on the British National Grid, in metres. */
export interface GridPoint {
  easting: number;
  northing: number;
}

/** Width of a grid strip: 50 km, so a circle of up to 25 km radius touches at most two strips. */
export const STRIP_WIDTH_METRES = 50_000;

/** The grid's extent (metres): Great Britain lies in 0-700 km east and 0-1,300 km north. */
export const GRID_EXTENT = { easting: 700_000, northing: 1_300_000 } as const;

/** The strip a point is in (0 for eastings 0-49,999 m, 1 for 50,000-99,999 m, ...). */
export function stripOf(easting: number): number {
  return Math.floor(easting / STRIP_WIDTH_METRES);
}

/** Where to look for points within a radius: each strip the circle touches, and the northings to read in it. */
export interface StripRange {
  strip: number;
  fromNorthing: number;
  toNorthing: number;
}

/**
 * The strips (and northing ranges) that hold every point within `radiusMetres` of the centre: at most
 * maxStripsWithin(radius) strips, whatever the centre.
 */
export function stripsWithin(centre: GridPoint, radiusMetres: number): StripRange[] {
  const first = stripOf(Math.max(0, centre.easting - radiusMetres));
  const last = stripOf(Math.min(GRID_EXTENT.easting, centre.easting + radiusMetres));
  const fromNorthing = Math.max(0, Math.floor(centre.northing - radiusMetres));
  const toNorthing = Math.min(GRID_EXTENT.northing, Math.ceil(centre.northing + radiusMetres));
  return Array.from({ length: last - first + 1 }, (_, offset) => ({ strip: first + offset, fromNorthing, toNorthing }));
}

/** Most strips a search of this radius reads: 2 up to 25 km, 3 up to 50 km. */
export function maxStripsWithin(radiusMetres: number): number {
  return Math.ceil((2 * radiusMetres) / STRIP_WIDTH_METRES) + 1;
}

/** Straight-line distance on the grid, in km, to 3 decimals (metres). */
export function distanceKm(from: GridPoint, to: GridPoint): number {
  return Math.round(Math.hypot(to.easting - from.easting, to.northing - from.northing)) / 1000;
}

/** Whether a point lies on the grid's extent (a value outside it is not a British grid reference). */
export function onGrid(point: GridPoint): boolean {
  return (
    point.easting >= 0 &&
    point.easting <= GRID_EXTENT.easting &&
    point.northing >= 0 &&
    point.northing <= GRID_EXTENT.northing
  );
}
