import { decodeExtent, encodeExtent, extentOf, type AreaExtent } from '../domain/reach-influence.js';
import { PHASE_CODES } from '../domain/phase.js';
import { isTeachingPoint, type Nearest, type SchoolReach, type TeachingPoint } from '../domain/reach.js';
import { GOR_REGION_CODES } from '../domain/region.js';
import { compareIdentifiers } from '../domain/text.js';
import { keys } from './keys.js';

type Item = Record<string, unknown>;

/**
 * Reach is kept in the `REACH` partition: one item per local authority (`AREA#<code>`) with every open school's
 * reach as one compact string per URN, so an authority's figures (and exact medians) come from one read and the
 * nation's from one Query; and one `STATE` item with the teaching schools, each authority's extent and `asOf`,
 * which the projector reads first. Strings rather than maps keep the 25,000 entries small (about 1.5 MB).
 */

/** One authority's stored reach: its schools, and the version its conditional writes compare against. */
export interface StoredReachArea {
  laCode: string;
  version: number;
  schools: SchoolReach[];
}

/** What the projector keeps besides the areas: the teaching schools, the areas' extents, and when it caught up. */
export interface ReachState {
  version: number;
  /** The latest change the figures include (ISO 8601). */
  asOf: string;
  teaching: Map<string, TeachingPoint>;
  extents: Map<string, AreaExtent>;
}

export function toReachAreaItem(laCode: string, schools: readonly SchoolReach[], version: number): Item {
  return {
    ...keys.reachArea(laCode),
    type: 'ReachArea',
    laCode,
    version,
    entries: Object.fromEntries(schools.map((school) => [school.urn, encodeReach(school)])),
  };
}

export function fromReachAreaItem(item: Item): StoredReachArea {
  const laCode = item.laCode as string;
  const entries = (item.entries as Record<string, string> | undefined) ?? {};
  return {
    laCode,
    version: item.version as number,
    schools: Object.entries(entries)
      .map(([urn, entry]) => decodeReach(urn, laCode, entry))
      .sort((left, right) => compareIdentifiers(left.urn, right.urn)),
  };
}

export function toReachStateItem(state: ReachState): Item {
  return {
    ...keys.reachState,
    type: 'ReachState',
    version: state.version,
    asOf: state.asOf,
    teaching: sortedObject([...state.teaching.values()].map((point) => [point.urn, encodePoint(point)])),
    extents: sortedObject([...state.extents].map(([code, extent]) => [code, encodeExtent(extent)])),
  };
}

export function fromReachStateItem(item: Item | undefined): ReachState {
  if (!item) return { version: 0, asOf: new Date(0).toISOString(), teaching: new Map(), extents: new Map() };
  const teaching = new Map<string, TeachingPoint>();
  for (const [urn, value] of Object.entries((item.teaching as Record<string, string> | undefined) ?? {})) {
    const point = decodePoint(urn, value);
    if (isTeachingPoint(point)) teaching.set(urn, point);
  }
  const extents = new Map<string, AreaExtent>();
  for (const [code, value] of Object.entries((item.extents as Record<string, string> | undefined) ?? {})) {
    extents.set(code, decodeExtent(value));
  }
  return { version: item.version as number, asOf: item.asOf as string, teaching, extents };
}

/** An object with its keys in order, so equal states make equal items. */
function sortedObject(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries(entries.sort(([left], [right]) => compareIdentifiers(left, right)));
}

/** The state that describes a set of areas: their teaching schools and extents. */
export function stateOf(areas: ReadonlyMap<string, readonly SchoolReach[]>, asOf: string, version: number): ReachState {
  const teaching = new Map<string, TeachingPoint>();
  const extents = new Map<string, AreaExtent>();
  for (const [code, schools] of areas) {
    for (const school of schools) if (isTeachingPoint(school)) teaching.set(school.urn, pointOnly(school));
    extents.set(code, extentOf(schools));
  }
  return { version, asOf, teaching, extents };
}

/** A school's reach with the reach fields dropped: what the state keeps of a teaching school. */
export function pointOnly<T extends SchoolReach | TeachingPoint>(school: T): TeachingPoint {
  return {
    urn: school.urn,
    laCode: school.laCode,
    region: school.region,
    phase: school.phase,
    location: school.location!,
    teaching: true,
  };
}

/** `<easting>,<northing>,<phase index>,<region index>,<teaching 0|1>` (location empty where unknown). */
function encodePoint(point: Omit<SchoolReach, 'nearest' | 'nearestSamePhase'>): string {
  return [
    point.location?.easting ?? '',
    point.location?.northing ?? '',
    PHASE_CODES.indexOf(point.phase),
    GOR_REGION_CODES.indexOf(point.region),
    point.teaching ? 1 : 0,
    point.laCode,
  ].join(',');
}

function decodePoint(urn: string, value: string): Omit<SchoolReach, 'nearest' | 'nearestSamePhase'> {
  const [easting, northing, phase, region, teaching, laCode] = value.split(',') as string[];
  return {
    urn,
    laCode: laCode!,
    region: GOR_REGION_CODES[Number(region)]!,
    phase: PHASE_CODES[Number(phase)]!,
    location: easting === '' ? null : { easting: Number(easting), northing: Number(northing) },
    teaching: teaching === '1',
  };
}

/** The point, then `;<nearest URN>,<metres>;<same-phase URN>,<metres>` (empty where unknown). */
function encodeReach(school: SchoolReach): string {
  const nearest = (found: Nearest | null) => (found ? `${found.urn},${found.metres}` : '');
  return `${encodePoint(school)};${nearest(school.nearest)};${nearest(school.nearestSamePhase)}`;
}

function decodeReach(urn: string, laCode: string, value: string): SchoolReach {
  const [point, nearest, samePhase] = value.split(';') as [string, string, string];
  const parseNearest = (text: string): Nearest | null => {
    if (text === '') return null;
    const [nearestUrn, metres] = text.split(',') as [string, string];
    return { urn: nearestUrn, metres: Number(metres) };
  };
  return {
    ...decodePoint(urn, point),
    laCode,
    nearest: parseNearest(nearest),
    nearestSamePhase: parseNearest(samePhase),
  };
}

/** The items of freshly computed reach: one per area, and the state (all at version 1). */
export function reachItemsOf(areas: ReadonlyMap<string, readonly SchoolReach[]>, asOf: string): Item[] {
  return [
    ...[...areas].map(([code, schools]) => toReachAreaItem(code, schools, 1)),
    toReachStateItem(stateOf(areas, asOf, 1)),
  ];
}
