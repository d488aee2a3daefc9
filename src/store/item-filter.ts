import type { ItemFilter } from './query-page.js';

/** Builds a FilterExpression clause by clause, with its attribute names and values, for filters keys cannot express. */
export class FilterBuilder {
  private readonly clauses: string[] = [];
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, unknown> = {};

  /** `attribute = value`, where a value is given. */
  public equals(attribute: string, value: unknown): this {
    if (value === null || value === undefined) return this;
    const name = this.name(attribute);
    return this.add(`${name} = ${this.value(value)}`);
  }

  /** The list or set `attribute` contains `value`, where a value is given. */
  public contains(attribute: string, value: unknown): this {
    if (value === null || value === undefined) return this;
    return this.add(`contains(${this.name(attribute)}, ${this.value(value)})`);
  }

  /** A clause of its own, written with `#name` and `:value` placeholders it supplies. */
  public clause(expression: string, names: Record<string, string>, values: Record<string, unknown> = {}): this {
    Object.assign(this.names, names);
    Object.assign(this.values, values);
    return this.add(expression);
  }

  public build(): ItemFilter | null {
    return this.clauses.length > 0
      ? { expression: this.clauses.join(' AND '), names: this.names, values: this.values }
      : null;
  }

  private add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  private name(attribute: string): string {
    const placeholder = `#${attribute.replace(/\W/g, '_')}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  private value(value: unknown): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}
