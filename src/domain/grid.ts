/**
 * The British National Grid (EPSG:27700): eastings and northings in metres. Distances are straight lines
 * on the grid. Places are looked up by 10 km squares of the grid: every point is in one square, and a circle
 * of a given radius touches a number of squares that depends on the radius only.
 */

/** A point on the British National Grid, in metres. */
export interface GridPoint {
  easting: number;
  northing: number;
}

/** Side of a grid square: 10 km, the National Grid's own 10 km squares (such as TQ38). */
export const SQUARE_METRES = 10_000;

/** The grid's extent (metres): Great Britain lies in 0-700 km east and 0-1,300 km north. */
export const GRID_EXTENT = { easting: 700_000, northing: 1_300_000 } as const;

/** A 10 km square of the grid: its column (easting div 10 km) and row (northing div 10 km). */
export interface GridSquare {
  column: number;
  row: number;
}

/** The square a point is in. */
export function squareOf(point: GridPoint): GridSquare {
  return { column: Math.floor(point.easting / SQUARE_METRES), row: Math.floor(point.northing / SQUARE_METRES) };
}

/**
 * The squares that hold every point within `radiusMetres` of the centre: those of the grid's extent that the
 * circle reaches, at most maxSquaresWithin(radius) whatever the centre.
 */
export function squaresWithin(centre: GridPoint, radiusMetres: number): GridSquare[] {
  const from = squareOf({
    easting: Math.max(0, centre.easting - radiusMetres),
    northing: Math.max(0, centre.northing - radiusMetres),
  });
  const to = squareOf({
    easting: Math.min(GRID_EXTENT.easting, centre.easting + radiusMetres),
    northing: Math.min(GRID_EXTENT.northing, centre.northing + radiusMetres),
  });
  const squares: GridSquare[] = [];
  for (let column = from.column; column <= to.column; column += 1) {
    for (let row = from.row; row <= to.row; row += 1) {
      const nearest = {
        easting: clamp(centre.easting, column * SQUARE_METRES, (column + 1) * SQUARE_METRES),
        northing: clamp(centre.northing, row * SQUARE_METRES, (row + 1) * SQUARE_METRES),
      };
      if (Math.hypot(nearest.easting - centre.easting, nearest.northing - centre.northing) <= radiusMetres) {
        squares.push({ column, row });
      }
    }
  }
  return squares;
}

/** Most squares a search of this radius reads: 36 up to 25 km, 121 up to 50 km (fewer reach the circle). */
export function maxSquaresWithin(radiusMetres: number): number {
  return (Math.ceil((2 * radiusMetres) / SQUARE_METRES) + 1) ** 2;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
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
