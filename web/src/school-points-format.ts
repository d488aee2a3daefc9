/**
 * The map's static points file (data/school-points.json), written by scripts/school-points.ts at build time:
 * columns rather than objects, so 25,000 schools fit in about 235 KiB gzipped.
 */
export interface SchoolPoints {
  /** Phase codes, indexed by `phase`. */
  phases: string[];
  /** Local authority codes, indexed by `la`. */
  localAuthorities: string[];
  urn: number[];
  /** British National Grid easting and northing, metres. */
  easting: number[];
  northing: number[];
  la: number[];
  phase: number[];
}
