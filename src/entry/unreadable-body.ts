import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ErrorCode } from '../domain/errors.js';

/**
 * A JSON 400 for a POST whose body says it is JSON but does not parse, or null when it parses. (The Lambda
 * integration would otherwise answer a plain-text 400 with no content type.)
 */
export function unreadableBody(
  event: APIGatewayProxyEventV2,
  requestId: string,
): APIGatewayProxyStructuredResultV2 | null {
  const contentType = event.headers['content-type'] ?? event.headers['Content-Type'] ?? '';
  if (!event.body || !/^application\/(graphql-response\+)?json\b/i.test(contentType)) return null;
  try {
    JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body);
    return null;
  } catch (error) {
    const message =
      `The request body is not JSON (${(error as Error).message}); ` +
      'send {"query": "..."} with content-type: application/json';
    return {
      statusCode: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST, requestId } }] }),
    };
  }
}
