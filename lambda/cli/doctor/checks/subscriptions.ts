import { check, unread } from '../check';

/** Every e-mail subscription to the alert topics is confirmed. */
export const subscriptionsCheck = check(
  'subscriptions',
  'every alert e-mail subscription is confirmed',
  ({ subscriptions, deployment }, say) => {
    if (!deployment) return say.skip('local mode has no alert topics');
    if (!('value' in subscriptions)) {
      return unread(
        subscriptions,
        say,
        'the operator needs sns:ListSubscriptionsByTopic on the alert topics',
      );
    }
    const emails = subscriptions.value.filter(
      (s) => s.protocol === 'email' || s.protocol === 'email-json',
    );
    if (emails.length === 0) {
      return say.warn(
        'no e-mail subscription: alerts reach only Slack, if it is set up',
        'deploy with -c alertEmails=you@example.org (and give it on every deploy)',
      );
    }
    const pending = emails.filter(
      (s) => s.subscriptionArn === 'PendingConfirmation',
    );
    if (pending.length > 0) {
      return say.fail(
        `unconfirmed subscription: ${pending.map((s) => `${s.endpoint} (${topicName(s.topicArn)})`).join(', ')}: SNS drops every alert to an address until it confirms`,
        pending
          .map(
            (s) =>
              `click the link in the "AWS Notification - Subscription Confirmation" e-mail to ${s.endpoint}, or send a new one: aws sns subscribe --topic-arn ${s.topicArn} --protocol email --notification-endpoint ${s.endpoint}`,
          )
          .join('; '),
      );
    }
    return say.pass(
      `${emails.length} e-mail subscription(s) confirmed: ${[...new Set(emails.map((s) => s.endpoint))].join(', ')}`,
    );
  },
);

const topicName = (arn: string) => arn.split(':').at(-1) ?? arn;
