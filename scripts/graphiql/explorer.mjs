// GraphiQL for the registry, bundled by scripts/bundle-graphiql.ts into one page with no script from elsewhere.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';

const PASTED_TOKEN_KEY = 'registry.graphiqlToken';
const DEV_TOKEN_KEY = 'registry.devToken';

/** The bearer token: the signed-in session's (dev sign-in or Cognito), or one pasted once for this tab. */
function bearerToken() {
  const signedIn = sessionStorage.getItem(DEV_TOKEN_KEY);
  if (signedIn) return signedIn;
  for (let index = 0; index < sessionStorage.length; index += 1) {
    const key = sessionStorage.key(index) ?? '';
    if (!key.startsWith('oidc.user:')) continue;
    const user = JSON.parse(sessionStorage.getItem(key) ?? '{}');
    if (user.id_token && (!user.expires_at || user.expires_at * 1000 > Date.now())) return user.id_token;
  }
  let pasted = sessionStorage.getItem(PASTED_TOKEN_KEY);
  if (!pasted) {
    pasted = (window.prompt('Paste a bearer token (npm run token -- --role partner prints one):') ?? '').trim();
    if (pasted) sessionStorage.setItem(PASTED_TOKEN_KEY, pasted);
  }
  return pasted;
}

const token = bearerToken();
const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  headers: token ? { authorization: `Bearer ${token}` } : {},
});

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery:
      '# The registry. Try: the teaching schools of a local authority, or the change feed.\n' +
      '{\n  changes(since: "2026-01-01T00:00:00Z", first: 10) {\n' +
      '    edges { node { at kind subjectKey summary } }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n',
  }),
);
