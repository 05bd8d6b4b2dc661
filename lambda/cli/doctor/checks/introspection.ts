import { FUNCTION_IDS } from '../../../inngest/ids';
import { check } from '../check';
import { eventKeyHash, signingKeyHash } from '../keys';

const EXPECTED_FUNCTIONS = Object.keys(FUNCTION_IDS).length;
const REDEPLOY =
  'deploy again: every deploy starts fresh serve containers, which read the keys from Secrets Manager';

/**
 * A GET signed with our signing key reports cloud mode, both keys, every
 * function, no branch environment and our keys' hashes.
 */
export const introspectionCheck = check(
  'introspection',
  'the endpoint runs in cloud mode with our keys, every function and the right environment',
  ({ deployment, introspection, signingKey, eventKey }, say) => {
    if (!deployment) return say.skip('local mode has no Function URL');
    if (!('value' in signingKey)) {
      return say.skip('no signing key to sign with (see the secrets row)');
    }
    if ('skipped' in introspection) return say.skip(introspection.skipped);
    if ('error' in introspection) {
      return say.fail(introspection.error, "read the serve function's logs");
    }
    const ours = signingKeyHash(signingKey.value);
    const { status, body } = introspection.value;
    if (
      status === 401 ||
      (status === 200 && body.authentication_succeeded !== true)
    ) {
      return say.fail(
        `key mismatch: a GET signed with the signing key in Secrets Manager (hash ${ours}) was refused (${status}): the serve function holds another signing key`,
        `${REDEPLOY}; if it persists, put the key from the Inngest dashboard into the inngest-signing-key secret`,
      );
    }
    if (status !== 200) {
      return say.fail(
        `a signed GET answered ${status}`,
        "read the serve function's logs",
      );
    }
    const problems: string[] = [];
    const fixes = new Set<string>();
    if (body.mode !== 'cloud') {
      problems.push(`mode is ${String(body.mode)}, not cloud`);
      fixes.add('remove INNGEST_DEV from the serve function and deploy again');
    }
    if (body.has_signing_key !== true || body.has_event_key !== true) {
      problems.push(
        `signing key ${body.has_signing_key ? 'set' : 'missing'}, event key ${body.has_event_key ? 'set' : 'missing'}`,
      );
      fixes.add(`fill in both Inngest secrets, then ${REDEPLOY}`);
    }
    if (body.function_count !== EXPECTED_FUNCTIONS) {
      problems.push(
        `serves ${String(body.function_count)} functions, not ${EXPECTED_FUNCTIONS}`,
      );
      fixes.add('deploy this version of the code');
    }
    const wantEnv = deployment.inngestEnv ?? null;
    const env =
      typeof body.env === 'string' && body.env !== '' ? body.env : null;
    if (env !== wantEnv) {
      problems.push(
        `branch environment: the endpoint names Inngest environment ${env ? `"${env}"` : 'none (production)'}, the stage expects ${wantEnv ? `"${wantEnv}"` : 'production'}`,
      );
      fixes.add(
        `set the stage's Inngest environment with -c inngestEnv (or none for production) and deploy again; the serve function ignores branch variables such as BRANCH`,
      );
    }
    if (body.signing_key_hash !== ours) {
      const fallback =
        body.signing_key_fallback_hash === ours
          ? ' (ours is only its fallback key)'
          : '';
      problems.push(
        `key mismatch: signing key hash ${String(body.signing_key_hash)} at the endpoint, ${ours} in Secrets Manager${fallback}`,
      );
      fixes.add(REDEPLOY);
    }
    if (
      'value' in eventKey &&
      body.event_key_hash !== eventKeyHash(eventKey.value)
    ) {
      problems.push(
        'event key mismatch: the endpoint holds another event key than Secrets Manager',
      );
      fixes.add(REDEPLOY);
    }
    if (problems.length > 0) {
      return say.fail(problems.join('; '), [...fixes].join('; '));
    }
    return say.pass(
      `cloud mode, both keys, ${EXPECTED_FUNCTIONS} functions, ${wantEnv ? `environment "${wantEnv}"` : 'production'}, signing key hash ${ours} matches, event key matches`,
    );
  },
);
