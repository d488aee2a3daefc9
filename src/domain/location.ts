import proj4 from 'proj4';
import type { GridPoint } from './grid.js';

/**
 * EPSG:27700 (British National Grid) with its datum shift to WGS84; without `+towgs84` conversions are off
 * by about 100 m.
 */
const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const converter = proj4(BRITISH_NATIONAL_GRID, 'WGS84');

/** A point in WGS84 degrees (GPS, web maps). */
export interface LatLong {
  latitude: number;
  longitude: number;
}

/** Latitude and longitude (WGS84) of a grid point, to 5 decimals (about a metre). */
export function toLatLong(point: GridPoint): LatLong {
  const [longitude, latitude] = converter.forward([point.easting, point.northing]) as [number, number];
  return { latitude: round5(latitude), longitude: round5(longitude) };
}

/** The grid point (whole metres) of a WGS84 latitude and longitude. */
export function toGridPoint(point: LatLong): GridPoint {
  const [easting, northing] = converter.inverse([point.longitude, point.latitude]) as [number, number];
  return { easting: Math.round(easting), northing: Math.round(northing) };
}

function round5(value: number): number {
  return Math.round(value * 100_000) / 100_000;
}
