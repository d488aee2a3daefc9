/**
 * A regular expression with Unicode property classes (`\p{L}`), made on first use rather than at load. V8 checks a
 * regular expression literal when it parses the module, building the set of characters of each property it names:
 * for the three such patterns here, about 4 million instructions (0.5 %) of every cold start, most of whose requests
 * never run them.
 */
export function unicodePattern(source: string, flags: string): () => RegExp {
  let made: RegExp | undefined;
  return () => {
    made ??= new RegExp(source, flags);
    return made;
  };
}
