import { InvalidInput, RuleViolation } from './errors.js';
import { RuleCode } from './rule-code.js';

/** A calendar date as `yyyy-mm-dd`. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Checks that `yyyy-mm-dd` names a real calendar day (no 31 February). */
export function parseIsoDate(value: string, field: string): IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match)
    throw new InvalidInput(field, `${field} must be a date as yyyy-mm-dd, got ${JSON.stringify(value.slice(0, 40))}`);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return checkedDate(Number(year), Number(month), Number(day), field, value);
}

/** Reads GIAS's `dd-mm-yyyy` (also `dd/mm/yyyy`). */
export function parseGiasDate(value: string, field: string): IsoDate {
  const match = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(value.trim());
  if (!match)
    throw new InvalidInput(field, `${field} must be a date as dd-mm-yyyy, got ${JSON.stringify(value.slice(0, 40))}`);
  const [, day, month, year] = match as unknown as [string, string, string, string];
  return checkedDate(Number(year), Number(month), Number(day), field, value);
}

/** The teaching schools programme began in 2011: no designation starts or ends before it. */
export const PROGRAMME_START = '2011-01-01' as IsoDate;

/**
 * Refuses a date after today (DATE_IN_FUTURE), for dates of what has happened. Dates of a plan are exempt:
 * a review's `dueBy` is the one date in the registry's inputs that may lie ahead.
 */
export function notInFuture(date: IsoDate, today: IsoDate, field: string): IsoDate {
  if (date > today) throw new RuleViolation(RuleCode.DATE_IN_FUTURE, `${field} ${date} is in the future`, [field]);
  return date;
}

/** Refuses an end before its start (DATE_BEFORE_START); `start` says what began, for the message. */
export function notBeforeStart(date: IsoDate, start: { on: IsoDate; what: string }, field: string): IsoDate {
  if (date < start.on) {
    const message = `${field} ${date} is before ${start.what} on ${start.on}`;
    throw new RuleViolation(RuleCode.DATE_BEFORE_START, message, [field]);
  }
  return date;
}

/** Refuses a designation date before the programme began (DATE_BEFORE_START). */
export function notBeforeProgramme(date: IsoDate, field: string): IsoDate {
  return notBeforeStart(date, { on: PROGRAMME_START, what: 'the teaching schools programme began' }, field);
}

/** The date `days` after a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10) as IsoDate;
}

/** Today's date in UTC. */
export function today(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10) as IsoDate;
}

function checkedDate(year: number, month: number, day: number, field: string, original: string): IsoDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1800 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InvalidInput(field, `${field} is not a real date: ${JSON.stringify(original.slice(0, 40))}`);
  }
  return date.toISOString().slice(0, 10) as IsoDate;
}
