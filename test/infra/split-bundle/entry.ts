// A Lambda entry point whose lazy part shares a module with it: bundleLambda's test fixture.
import { visits } from './shared.js';

export const handler = async () => {
  visits.count += 1;
  const { visitsSeenLazily } = await import('./lazy.js');
  return { seenByEntry: visits.count, seenLazily: visitsSeenLazily() };
};
