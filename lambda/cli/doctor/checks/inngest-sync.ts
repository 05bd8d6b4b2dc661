import { consoleUrl, UNDOCUMENTED } from '../../inngest-api';
import { check } from '../check';

/**
 * The last deploy registered the app with Inngest, and nothing Inngest
 * holds is older than it. Inngest reports no sync through its API, so
 * the evidence is the deploy's own: the sync custom resource's output,
 * the stack's status, and when the signing key last changed.
 */
export const inngestSyncCheck = check(
  'inngest-sync',
  'the last deploy synced the app with Inngest, with the current keys',
  ({ deployment, signingKeyChange }, say) => {
    if (!deployment) return say.skip('local mode does not sync with Inngest');
    const apps = consoleUrl(deployment.inngestEnv, 'apps');
    const at = deployment.deployedAt.toISOString();
    if (/ROLLBACK/.test(deployment.status)) {
      return say.fail(
        `failed sync: the last deploy was rolled back (${deployment.status}), so Inngest keeps the registration of an older deploy`,
        'find the reason in the stack events (a refused sync names the signing key); fix the secret and deploy again',
      );
    }
    const status = deployment.syncStatus;
    if (!status) {
      return say.warn(
        'the stack has no InngestSyncStatus output',
        'deploy this version of the stack once',
      );
    }
    if (!status.startsWith('synced')) {
      return say.fail(
        `failed sync: the deploy of ${at} did not sync: ${status}`,
        'put the Inngest keys into their secrets (docs/deploy.md, step 2) and deploy again',
      );
    }
    const changed =
      'value' in signingKeyChange
        ? signingKeyChange.value.changedAt
        : undefined;
    if (changed && changed > deployment.deployedAt) {
      return say.fail(
        `stale sync: the signing key secret changed at ${changed.toISOString()}, after the last deploy and its sync at ${at}`,
        'deploy again: the serve function then reads the new key and the sync registers with it',
      );
    }
    return say.pass(
      `${status} by the deploy of ${at}, to ${deployment.functionUrl}; ${UNDOCUMENTED.appSync}, so a later sync from elsewhere shows only on ${apps}`,
    );
  },
);
