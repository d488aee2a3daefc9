import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES, responseMediaType } from '../../src/graphql/response-type.js';

describe('the media type of an answer', () => {
  it('is application/json when the client says nothing or accepts anything', () => {
    expect(responseMediaType(undefined)).toBe(MEDIA_TYPES.json);
    expect(responseMediaType('*/*')).toBe(MEDIA_TYPES.json);
    expect(responseMediaType('application/*')).toBe(MEDIA_TYPES.json);
  });

  it('is the GraphQL response type when the client prefers it, by order or by quality', () => {
    expect(responseMediaType('application/graphql-response+json, application/json')).toBe(MEDIA_TYPES.graphqlResponse);
    expect(responseMediaType('application/json;q=0.9, application/graphql-response+json')).toBe(
      MEDIA_TYPES.graphqlResponse,
    );
    expect(responseMediaType('application/graphql-response+json;q=0.5, */*;q=0.9')).toBe(MEDIA_TYPES.json);
  });

  it('is none when the client accepts neither (the server answers 406)', () => {
    expect(responseMediaType('text/html')).toBeNull();
    expect(responseMediaType('application/json;q=0, text/html')).toBeNull();
  });
});
