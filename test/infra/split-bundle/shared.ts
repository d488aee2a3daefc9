/** State both the entry and its lazy part see: one object, if the bundle loads this module once. */
export const visits = { count: 0 };
