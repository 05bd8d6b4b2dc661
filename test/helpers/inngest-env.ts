/**
 * Runs each test of the enclosing describe with the given process
 * variables and nothing else the Lambda reads, then puts the environment
 * back. The Inngest SDK reads process.env itself, so the handler tests must
 * set the real thing.
 */
const READ_BY_HANDLER =
  /^(INNGEST_|TABLE_|PIPELINE_|YOUTUBE_|ALERTS_|DYNAMODB_)/;
const BRANCH_VARIABLES = [
  'BRANCH',
  'BRANCH_NAME',
  'VERCEL_GIT_COMMIT_REF',
  'CF_PAGES_BRANCH',
  'RENDER_GIT_BRANCH',
  'RAILWAY_GIT_BRANCH',
];

export function useProcessEnv(
  vars: () => Record<string, string | undefined>,
): void {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    for (const name of Object.keys(process.env)) {
      if (READ_BY_HANDLER.test(name) || BRANCH_VARIABLES.includes(name)) {
        delete process.env[name];
      }
    }
    // The handler's JSON logs would bury the test report.
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    for (const [name, value] of Object.entries(vars())) {
      if (value !== undefined) process.env[name] = value;
    }
  });
  afterEach(() => {
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, saved);
  });
}
