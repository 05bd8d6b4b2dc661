/**
 * Variables the Inngest SDK reads on its own to pick a branch environment
 * (it sends the first one set as `X-Inngest-Env`), or to leave cloud mode.
 * A Lambda never wants them: production is chosen by naming no environment,
 * and staging by INNGEST_ENV, passed to the client explicitly.
 */
export const STRAY_INNGEST_VARIABLES = [
  'BRANCH_NAME',
  'VERCEL_GIT_COMMIT_REF',
  'CF_PAGES_BRANCH',
  'BRANCH',
  'RENDER_GIT_BRANCH',
  'RAILWAY_GIT_BRANCH',
  // A URL here would also redirect the SDK's API calls to a dev server.
  'INNGEST_DEV',
] as const;

/**
 * Removes the stray variables from `env` (the process environment: the SDK
 * reads `process.env` directly, so no copy would do) and returns the names
 * removed, for a warning.
 */
export function removeStrayInngestVariables(env: NodeJS.ProcessEnv): string[] {
  const removed: string[] = [];
  for (const name of STRAY_INNGEST_VARIABLES) {
    if (env[name] === undefined) continue;
    delete env[name];
    removed.push(name);
  }
  return removed;
}

/** The Inngest environment to name: INNGEST_ENV, or none (production). */
export function inngestEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const name = env.INNGEST_ENV?.trim();
  return name ? name : undefined;
}
