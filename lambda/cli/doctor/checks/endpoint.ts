import { check } from '../check';

const LOGS =
  "read the serve function's logs (CloudWatch Logs, the function whose description is 'Inngest endpoint')";

/** An unsigned GET gets 401 from the Inngest SDK itself. */
export const endpointCheck = check(
  'endpoint',
  'the Function URL answers, and refuses unsigned requests',
  ({ deployment, unsignedGet }, say) => {
    if (!deployment) {
      return say.skip(
        'local mode has no Function URL (npm run dev serves http://localhost:3000/api/inngest for the dev server)',
      );
    }
    const url = deployment.functionUrl;
    if ('skipped' in unsignedGet) return say.skip(unsignedGet.skipped);
    if ('error' in unsignedGet) {
      return say.fail(
        `no answer from ${url} (${unsignedGet.error})`,
        `the serve function may fail to start: ${LOGS}`,
      );
    }
    const status = unsignedGet.value;
    if (status === 401) {
      return say.pass(
        `${url} answers an unsigned GET with 401, as the Inngest SDK in cloud mode does`,
      );
    }
    if (status === 200) {
      return say.fail(
        `${url} answers an unsigned GET with 200: signatures are not checked (dev mode?)`,
        'remove INNGEST_DEV from the serve function and deploy again; never serve production in dev mode',
      );
    }
    return say.fail(
      `${url} answers an unsigned GET with ${status}, not the SDK's 401: something else answers there`,
      `check the FunctionUrl output is the serve function's URL, then ${LOGS}`,
    );
  },
);
