import { check } from '../check';

/** Every pipeline table answers a read. */
export const tablesCheck = check(
  'tables',
  'every pipeline table answers',
  ({ tables, deployment }, say) => {
    if ('skipped' in tables) return say.skip(tables.skipped);
    const fix = deployment
      ? `check your credentials and region (the stack is in the account and region you use); a missing table (ResourceNotFoundException) is restored from point-in-time recovery under the name the stack output gives`
      : 'delete the embedded store under .data/ (PIPELINE_DATA_DIR) if it is damaged; npm start recreates it';
    if ('error' in tables) return say.fail(tables.error, fix);
    const broken = tables.value.filter((t) => t.error);
    if (broken.length > 0) {
      return say.fail(
        broken.map((t) => `${t.name}: ${t.error}`).join('; '),
        fix,
      );
    }
    return say.pass(
      `${tables.value.length} tables answered: ${tables.value.map((t) => t.name).join(', ')}`,
    );
  },
);
