import type { SlackMessage } from './slack-message';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Posts one message to a Slack incoming webhook. Errors name Slack's
 * answer (e.g. `404 no_service` for a deleted webhook) but never the URL:
 * the URL is the credential.
 */
export async function postToSlack(
  webhookUrl: string,
  message: SlackMessage,
  fetchFn: Fetch,
  timeoutMs = 5_000,
): Promise<void> {
  const response = await fetchFn(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.ok) return;
  const answer = (await response.text()).slice(0, 200);
  throw new Error(
    `Slack webhook answered ${response.status} ${answer}; check the slack-webhook-url secret`,
  );
}
