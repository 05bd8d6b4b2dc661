import { postToSlack } from '../../lambda/ops/slack-webhook';

const HOOK = 'https://hooks.slack.com/services/T000/B000/secretpart';
const message = { text: 'hello', blocks: [] };

describe('postToSlack', () => {
  it('posts the message as JSON', async () => {
    const fetch = jest.fn(async () => new Response('ok', { status: 200 }));
    await postToSlack(HOOK, message, fetch);
    expect(fetch).toHaveBeenCalledWith(
      HOOK,
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify(message),
        headers: { 'content-type': 'application/json' },
      }),
    );
  });

  it("fails with Slack's answer and never the webhook URL", async () => {
    const fetch = async () => new Response('no_service', { status: 404 });
    const error = await postToSlack(HOOK, message, fetch).catch((e) => e);
    expect(error.message).toContain('404 no_service');
    expect(error.message).not.toContain('secretpart');
  });
});
