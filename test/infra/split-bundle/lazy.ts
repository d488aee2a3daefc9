import { visits } from './shared.js';

export const visitsSeenLazily = () => visits.count;
