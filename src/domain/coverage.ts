import { isTeachingCell, parseCellKey, type CoverageCell } from './coverage-cell.js';
import type { LocalAuthority } from './local-authority.js';
import { PHASE_CODES, type Phase } from './phase.js';
import type { GorRegion } from './region.js';

/** Coverage figures for one phase of an area (open schools only). */
export interface PhaseCoverage {
  phase: Phase;
  schools: number;
  teachingSchools: number;
  outstandingSchools: number;
  untappedOutstanding: number;
}

/** Coverage of an area: open schools only (schema/coverage.graphql describes each figure to callers). */
export interface Coverage extends Omit<PhaseCoverage, 'phase'> {
  underReview: number;
  /** Alliances with at least one lead in the area. */
  alliances: number;
  /** Teaching schools per 100 schools; 0 where the area has no school. */
  density: number;
  byPhase: PhaseCoverage[];
}

function isOutstanding(cell: CoverageCell): boolean {
  return cell.rating === 'OUTSTANDING';
}

/**
 * The coverage of a set of local authorities, optionally only the schools (and alliance leads) in one GOR
 * region: a sum over their cells, so it never reads a school.
 */
export function coverageOf(authorities: readonly LocalAuthority[], region: GorRegion | null = null): Coverage {
  const byPhase = new Map<Phase, PhaseCoverage>(
    PHASE_CODES.map((phase) => [
      phase,
      { phase, schools: 0, teachingSchools: 0, outstandingSchools: 0, untappedOutstanding: 0 },
    ]),
  );
  let underReview = 0;
  const alliances = new Set<string>();
  for (const authority of authorities) {
    for (const [key, count] of Object.entries(authority.counts)) {
      const cell = parseCellKey(key);
      if (!cell?.open || count === 0 || (region && cell.region !== region)) continue;
      const phase = byPhase.get(cell.phase)!;
      phase.schools += count;
      if (isTeachingCell(cell)) phase.teachingSchools += count;
      if (cell.teaching === 'UNDER_REVIEW') underReview += count;
      if (isOutstanding(cell)) phase.outstandingSchools += count;
      if (isOutstanding(cell) && !isTeachingCell(cell)) phase.untappedOutstanding += count;
    }
    for (const entry of authority.allianceEntries) {
      const [entryRegion, allianceId] = entry.split('#') as [string, string];
      if (!region || entryRegion === region) alliances.add(allianceId);
    }
  }
  const phases = [...byPhase.values()];
  const sum = (pick: (phase: PhaseCoverage) => number) => phases.reduce((total, phase) => total + pick(phase), 0);
  const schools = sum((phase) => phase.schools);
  const teachingSchools = sum((phase) => phase.teachingSchools);
  return {
    schools,
    teachingSchools,
    underReview,
    outstandingSchools: sum((phase) => phase.outstandingSchools),
    untappedOutstanding: sum((phase) => phase.untappedOutstanding),
    alliances: alliances.size,
    density: densityOf(teachingSchools, schools),
    byPhase: phases.filter((phase) => phase.schools > 0),
  };
}

/** Teaching schools per 100 schools, to two decimal places. */
export function densityOf(teachingSchools: number, schools: number): number {
  return schools === 0 ? 0 : Math.round((teachingSchools / schools) * 10_000) / 100;
}

export type GapKind =
  | 'NO_TEACHING_SCHOOL'
  | 'NO_TEACHING_SCHOOL_NO_OUTSTANDING'
  | 'PHASE_GAP'
  | 'LOW_DENSITY'
  | 'REMOTE';

/** A local authority's coverage gaps and the figures behind them. */
export interface CoverageGap {
  authority: LocalAuthority;
  kinds: GapKind[];
  /** Phases with schools but no teaching school. */
  gapPhases: Phase[];
  coverage: Coverage;
  /** The share (0 to 1) of its schools with a known reach distance that are remote (see GapQuestion.remote). */
  remoteShare: number;
}

/** The phases PHASE_GAP looks at unless the caller names others: every LA lacks some small phase's teaching school. */
export const DEFAULT_GAP_PHASES: readonly Phase[] = ['PRIMARY', 'SECONDARY'];

export interface GapQuestion {
  /** Only these kinds (all when empty). */
  kinds: readonly GapKind[];
  /** Phases a PHASE_GAP looks at (all when empty). */
  phases: readonly Phase[];
  /** Below this density (teaching schools per 100 schools) is LOW_DENSITY; not checked when null. */
  minDensity: number | null;
  /** REMOTE: each authority's share of remote schools, and the share from which it is a gap; not checked when null. */
  remote: { shareOf: (laCode: string) => number; minShare: number } | null;
}

/**
 * The gaps of each local authority, worst first: no teaching school and no outstanding school to designate
 * (the evaluation's hardest case), then lowest density, then most schools.
 */
export function coverageGaps(authorities: readonly LocalAuthority[], question: GapQuestion): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const authority of authorities) {
    const coverage = coverageOf([authority]);
    const kinds: GapKind[] = [];
    if (coverage.schools > 0 && coverage.teachingSchools === 0) {
      kinds.push('NO_TEACHING_SCHOOL');
      if (coverage.untappedOutstanding === 0) kinds.push('NO_TEACHING_SCHOOL_NO_OUTSTANDING');
    }
    const gapPhases = coverage.byPhase
      .filter(
        (phase) =>
          phase.teachingSchools === 0 && (question.phases.length === 0 || question.phases.includes(phase.phase)),
      )
      .map((phase) => phase.phase);
    if (gapPhases.length > 0) kinds.push('PHASE_GAP');
    if (question.minDensity !== null && coverage.density < question.minDensity) kinds.push('LOW_DENSITY');
    const remoteShare = question.remote?.shareOf(authority.code) ?? 0;
    if (question.remote && coverage.schools > 0 && remoteShare >= question.remote.minShare) kinds.push('REMOTE');
    const wanted = question.kinds.length === 0 ? kinds : kinds.filter((kind) => question.kinds.includes(kind));
    if (wanted.length > 0)
      gaps.push({
        authority,
        kinds: wanted,
        gapPhases: wanted.includes('PHASE_GAP') ? gapPhases : [],
        coverage,
        remoteShare,
      });
  }
  const hardest = (gap: CoverageGap) => (gap.kinds.includes('NO_TEACHING_SCHOOL_NO_OUTSTANDING') ? 0 : 1);
  return gaps.sort(
    (left, right) =>
      hardest(left) - hardest(right) ||
      left.coverage.density - right.coverage.density ||
      right.coverage.schools - left.coverage.schools,
  );
}

/** A phase's share of teaching schools against its share of schools. */
export interface PhaseRepresentation {
  phase: Phase;
  schools: number;
  teachingSchools: number;
  /** Percent of the area's schools in this phase. */
  shareOfSchools: number;
  /** Percent of the area's teaching schools in this phase. */
  shareOfTeachingSchools: number;
  /** shareOfTeachingSchools / shareOfSchools: above 1 over-represented, below 1 under-represented. */
  ratio: number | null;
}

export function representation(coverage: Coverage): PhaseRepresentation[] {
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100);
  return coverage.byPhase.map((phase) => {
    const shareOfSchools = percent(phase.schools, coverage.schools);
    const shareOfTeachingSchools = percent(phase.teachingSchools, coverage.teachingSchools);
    return {
      phase: phase.phase,
      schools: phase.schools,
      teachingSchools: phase.teachingSchools,
      shareOfSchools,
      shareOfTeachingSchools,
      ratio: shareOfSchools === 0 ? null : Math.round((shareOfTeachingSchools / shareOfSchools) * 100) / 100,
    };
  });
}
