/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles
 * (an esbuild alias set in lib/constructs/pipeline-function.ts).
 *
 * Lambda always hands a function its role's credentials in environment
 * variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN),
 * so the default chain's SSO, INI-file, process and web-identity providers,
 * with the STS and SSO clients they carry, are dead weight there: about
 * 120 KB of the serve bundle, which this keeps under 1 MB. Local runs and
 * tests are not bundled and keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
