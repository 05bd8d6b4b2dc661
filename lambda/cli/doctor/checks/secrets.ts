import { check, unread } from '../check';
import {
  eventKeyHash,
  isSigningKey,
  signingKeyEnv,
  signingKeyHash,
} from '../keys';

const PUT_SECRET =
  'put the value in with aws secretsmanager put-secret-value (docs/deploy.md, step 2), then deploy again';

/** The Inngest keys are in Secrets Manager and fit the stage. */
export const secretsCheck = check(
  'secrets',
  'the Inngest signing and event keys are present and fit the environment',
  ({ deployment, signingKey, eventKey }, say) => {
    if (!deployment) {
      return say.skip(
        'local mode runs without Inngest: npm start needs no Inngest keys',
      );
    }
    const fix = `${PUT_SECRET}; the operator needs secretsmanager:GetSecretValue on it`;
    if (!('value' in signingKey)) return unread(signingKey, say, fix);
    if (!('value' in eventKey)) return unread(eventKey, say, fix);
    const key = signingKey.value;
    const event = eventKey.value;
    if (!isSigningKey(key)) {
      return say.fail(
        `the inngest-signing-key secret holds no Inngest signing key (not signkey-<env>-<hex>): still the first deploy's placeholder?`,
        `copy the key from the Inngest dashboard (Manage > Signing Key) and ${PUT_SECRET}`,
      );
    }
    const env = signingKeyEnv(key);
    const want = deployment.inngestEnv;
    if (!want && env !== 'prod') {
      return say.fail(
        `the signing key is a signkey-${env} key, but stage ${deployment.stage} registers into Inngest's production environment, which needs signkey-prod-`,
        `copy the production signing key from the Inngest dashboard and ${PUT_SECRET}`,
      );
    }
    if (want && env === 'prod') {
      return say.fail(
        `the signing key is a production key, but stage ${deployment.stage} registers into the Inngest environment "${want}"`,
        `copy the signing key of the "${want}" environment from the Inngest dashboard and ${PUT_SECRET}`,
      );
    }
    return say.pass(
      `signing key signkey-${env}-… (hash ${signingKeyHash(key)}), event key (sha256 ${eventKeyHash(event).slice(0, 12)}…), for ${want ? `environment "${want}"` : 'production'}`,
    );
  },
);
