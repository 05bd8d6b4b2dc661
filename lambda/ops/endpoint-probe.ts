/**
 * Whether the Inngest endpoint answers, seen from outside Inngest. An
 * unsigned GET to the Inngest SDK in cloud mode gets 401: that proves the
 * Function URL, the Lambda and the SDK all work, without running anything.
 */

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface EndpointProbe {
  /** True when the SDK answered as expected. */
  readonly healthy: boolean;
  /** One line for the diagnosis. */
  readonly summary: string;
}

export async function probeEndpoint(
  url: string,
  fetchFn: Fetch,
  timeoutMs = 5_000,
): Promise<EndpointProbe> {
  let status: number;
  try {
    const response = await fetchFn(url, {
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    return {
      healthy: false,
      summary: `no answer from ${url} (${(error as Error).message}): the serve function may be failing to start; read its logs`,
    };
  }
  if (status === 401) {
    return {
      healthy: true,
      summary: 'answers: 401 to an unsigned request, as the Inngest SDK should',
    };
  }
  if (status === 200) {
    return {
      healthy: false,
      summary:
        'answers 200 to an unsigned request: the SDK is not checking signatures (INNGEST_DEV set?)',
    };
  }
  return {
    healthy: false,
    summary: `answers ${status} instead of 401: read the serve function's logs`,
  };
}
