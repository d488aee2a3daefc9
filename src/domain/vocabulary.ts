import { InvalidInput } from './errors.js';

/**
 * Reads a name as GIAS or NCTL prints it ("Requires improvement", "16 plus") into the
 * registry's code for it, ignoring case and spacing. Unknown names are an input error.
 */
export function codeForName<Code extends string>(
  vocabulary: Readonly<Record<Code, string>>,
  name: string,
  field: string,
): Code {
  const wanted = normalise(name);
  for (const [code, label] of Object.entries(vocabulary) as [Code, string][]) {
    if (normalise(label) === wanted || normalise(code) === wanted) return code;
  }
  const known = Object.values(vocabulary).join(', ');
  throw new InvalidInput(
    field,
    `${field}: unknown value ${JSON.stringify(name.slice(0, 60))} (expected one of ${known})`,
  );
}

function normalise(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}
