import fc from 'fast-check';

/**
 * One word many times over, for property tests: used in full (JSON.stringify calls toJSON, String calls
 * toString), reported by its length, since a counterexample hundreds of kilobytes long stalls the test
 * runner's error report.
 */
export class LongText {
  public constructor(
    private readonly word: string,
    private readonly times: number,
  ) {}
  public toJSON(): string {
    return this.toString();
  }
  public toString(): string {
    return this.word.repeat(this.times);
  }
  public [fc.toStringMethod](): string {
    return `${JSON.stringify(this.word)} × ${this.times}`;
  }
}
