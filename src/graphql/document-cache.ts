import type { DocumentNode } from 'graphql';

/**
 * Parsed and validated documents by query text, the least recently used dropped past `size`: a query sent again is
 * neither parsed nor validated again. Only documents that passed validation are kept.
 */
export class DocumentCache {
  readonly #documents = new Map<string, DocumentNode>();

  /** @param size the most documents kept (each is at most `maxTokens` long) */
  public constructor(private readonly size = 1000) {}

  public get(query: string): DocumentNode | undefined {
    const document = this.#documents.get(query);
    if (document) {
      this.#documents.delete(query);
      this.#documents.set(query, document);
    }
    return document;
  }

  public set(query: string, document: DocumentNode): void {
    this.#documents.set(query, document);
    if (this.#documents.size > this.size) this.#documents.delete(this.#documents.keys().next().value!);
  }
}
