/**
 * Requests as Inngest sends them to a Lambda Function URL: signed with
 * the signing key the way the SDK verifies (see inngest's
 * InngestCommHandler: HMAC-SHA256 keyed by the key without its
 * `signkey-<env>-` prefix, over the canonical JSON of the body followed by
 * the Unix time, sent as `X-Inngest-Signature: t=<time>&s=<hex>`).
 */
import { createHmac } from 'node:crypto';
import type { LambdaFunctionURLEvent } from 'aws-lambda';

/** A signing key in Inngest's format; never a real one. */
export const TEST_SIGNING_KEY = `signkey-test-${'ab12'.repeat(16)}`;
export const OTHER_SIGNING_KEY = `signkey-test-${'cd34'.repeat(16)}`;
export const TEST_EVENT_KEY = 'test-event-key';

/**
 * JSON with object keys sorted at every level (RFC 8785 for the plain
 * values requests carry), as the SDK canonicalizes a body before checking
 * its signature.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The X-Inngest-Signature header for `body` (a GET signs ""). */
export function signatureFor(
  body: unknown,
  signingKey: string,
  at = new Date(),
): string {
  const time = Math.floor(at.getTime() / 1000).toString();
  const data = typeof body === 'string' ? body : canonicalJson(body);
  const key = signingKey.replace(/^signkey-\w+-/, '');
  const hex = createHmac('sha256', key)
    .update(data + time)
    .digest('hex');
  return `t=${time}&s=${hex}`;
}

export interface UrlRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Signs with this key; unsigned when absent. */
  readonly signWith?: string;
  readonly signedAt?: Date;
}

/** A Function URL event (payload version 2.0) for the request. */
export function functionUrlEvent(request: UrlRequest): LambdaFunctionURLEvent {
  const body =
    request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers: Record<string, string> = {
    host: 'abc123.lambda-url.eu-west-1.on.aws',
    'content-type': 'application/json',
    ...request.headers,
  };
  if (request.signWith) {
    // The SDK checks a GET against "" and an empty PUT against "{}".
    const signed = request.method === 'GET' ? '' : (request.body ?? {});
    headers['x-inngest-signature'] = signatureFor(
      signed,
      request.signWith,
      request.signedAt,
    );
  }
  const query = request.query ?? {};
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: new URLSearchParams(query).toString(),
    headers,
    queryStringParameters: request.query,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: headers.host ?? '',
      domainPrefix: 'abc123',
      http: {
        method: request.method,
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'inngest-test',
      },
      requestId: 'test-request',
      routeKey: '$default',
      stage: '$default',
      time: '10/Mar/2026:18:00:00 +0000',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

/** A stand-in for the Lambda context; the handler does not read it. */
export const lambdaContext = {
  functionName: 'serve',
  awsRequestId: 'test-request',
} as never;
