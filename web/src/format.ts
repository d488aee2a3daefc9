import { PHASES } from '../../src/domain/phase';
import { GOR_REGIONS } from '../../src/domain/region';

/** How the workspace writes the registry's codes and figures, as staff read them (GIAS's own names). */
export const PHASE_NAMES: Record<string, string> = PHASES;
export const REGION_NAMES: Record<string, string> = GOR_REGIONS;

/** An enum value as words: OUTSTANDING becomes "Outstanding", NO_TEACHING_SCHOOL "No teaching school". */
export function words(code: string | null | undefined): string {
  if (!code) return 'Not known';
  const text = code.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function phaseName(code: string): string {
  return PHASE_NAMES[code] ?? words(code);
}

export function number(value: number | null | undefined): string {
  return value === null || value === undefined ? 'Not known' : value.toLocaleString('en-GB');
}

export function decimal(value: number, digits = 2): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share from 0 to 1 as a whole percentage: 0.234 as 23%. */
export function percent(share: number): string {
  return share.toLocaleString('en-GB', { style: 'percent', maximumFractionDigits: 0 });
}

/** A distance as staff read it: 3.2 km. */
export function km(value: number): string {
  return `${decimal(value, 1)} km`;
}

/** A coverage gap's kind in plain English; the kinds named by their code read well as words. */
export function gapKindName(kind: string): string {
  return kind === 'REMOTE' ? 'Many schools far from a teaching school' : words(kind);
}

/** 2018-03-12 as 12 March 2018, as GOV.UK writes dates. */
export function date(value: string | null | undefined): string {
  if (!value) return 'Not known';
  const parsed = new Date(`${value}T00:00:00Z`);
  return parsed.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
