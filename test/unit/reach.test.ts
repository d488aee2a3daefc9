import { describe, expect, it } from 'vitest';
import type { Phase } from '../../src/domain/phase.js';
import { reachFiguresOf, remoteShareOf } from '../../src/domain/reach-figures.js';
import { affectedAreas, decodeExtent, encodeExtent, extentOf } from '../../src/domain/reach-influence.js';
import { reachOf, type ReachPoint, type TeachingPoint } from '../../src/domain/reach.js';

/** An open school at a point, km east and north of the grid's origin. */
function point(urn: string, eastKm: number, northKm: number, options: { phase?: Phase; teaching?: boolean } = {}) {
  return {
    urn,
    laCode: '929',
    region: 'NORTH_EAST',
    phase: options.phase ?? 'PRIMARY',
    location: { easting: eastKm * 1000, northing: northKm * 1000 },
    teaching: options.teaching ?? false,
  } satisfies ReachPoint;
}

describe('reach', () => {
  it('measures each school to its nearest teaching school, and a teaching school 0 m from itself', () => {
    // Prepare
    const teaching = [point('1', 0, 0, { teaching: true }), point('2', 10, 0, { teaching: true })] as TeachingPoint[];

    // Act
    const reach = reachOf([...teaching, point('3', 3, 4), point('4', 5, 0)], teaching);

    // Assess
    expect(reach.map((school) => [school.urn, school.nearest])).toEqual([
      ['1', { urn: '1', metres: 0 }],
      ['2', { urn: '2', metres: 0 }],
      ['3', { urn: '1', metres: 5000 }],
      ['4', { urn: '1', metres: 5000 }],
    ]);
  });

  it('measures the same phase to a teaching school of the same group only, all-through counting as both', () => {
    // Prepare
    const special = point('1', 1, 0, { teaching: true, phase: 'NOT_APPLICABLE' }) as TeachingPoint;
    const allThrough = point('2', 20, 0, { teaching: true, phase: 'ALL_THROUGH' }) as TeachingPoint;

    // Act
    const [school] = reachOf([point('3', 0, 0, { phase: 'SECONDARY' })], [special, allThrough]);

    // Assess
    expect(school!.nearest).toEqual({ urn: '1', metres: 1000 });
    expect(school!.nearestSamePhase).toEqual({ urn: '2', metres: 20_000 });
  });

  it('gives bands, the exact median and the farthest from the distances, and counts unknown apart', () => {
    // Act
    const figures = reachFiguresOf([1000, 4999, 5000, 12_000, 45_000, 70_000, null]);

    // Assess
    expect(figures.bands.map((band) => band.schools)).toEqual([2, 1, 1, 0, 2]);
    expect(figures).toMatchObject({ schools: 7, unknown: 1, medianKm: 8.5, farthestKm: 70 });
  });

  it('gives the share of schools with a known distance that are remote', () => {
    // Prepare
    const teaching = [point('1', 0, 0, { teaching: true })] as TeachingPoint[];

    // Act
    const share = remoteShareOf(reachOf([point('2', 25, 0), point('3', 5, 0), point('4', 0, 19)], teaching), 20);

    // Assess
    expect(share).toBeCloseTo(1 / 3);
  });
});

describe('the reach projector’s bound', () => {
  const teaching = [point('1', 0, 0, { teaching: true })] as TeachingPoint[];
  const near = extentOf(reachOf([point('2', 3, 0)], teaching));
  const far = extentOf(reachOf([point('3', 200, 0)], teaching));

  it('reads only authorities whose squares come within their schools’ farthest reach of the change', () => {
    // Act
    const affected = affectedAreas(
      new Map([
        ['near', near],
        ['far', far],
      ]),
      [{ location: { easting: 150_000, northing: 0 }, phase: 'PRIMARY' }],
    );

    // Assess: the far school is 200 km from its teaching school, so one 50 km away could be nearer; not the near one
    expect(affected).toEqual(['far']);
  });

  it('lets long same-phase distances of another group widen nothing', () => {
    // Prepare: a special school 60 km from the only special teaching school, 3 km from a primary one
    const special = point('9', 60, 0, { teaching: true, phase: 'NOT_APPLICABLE' }) as TeachingPoint;
    const extent = extentOf(reachOf([point('4', 0, 3, { phase: 'NOT_APPLICABLE' })], [...teaching, special]));

    // Act
    const primary = affectedAreas(new Map([['la', extent]]), [
      { location: { easting: 0, northing: 40_000 }, phase: 'PRIMARY' },
    ]);
    const other = affectedAreas(new Map([['la', extent]]), [
      { location: { easting: 0, northing: 40_000 }, phase: 'NOT_APPLICABLE' },
    ]);

    // Assess
    expect(primary).toEqual([]);
    expect(other).toEqual(['la']);
  });

  it('keeps an extent through its stored form', () => {
    // Act
    const kept = decodeExtent(encodeExtent(near));

    // Assess
    expect(kept).toEqual(near);
  });
});
