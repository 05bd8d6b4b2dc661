import { join, resolve } from 'node:path';

/** The repository root: lib/ sits one level below it. */
export const REPO_ROOT = resolve(__dirname, '..');

/** Absolute path of a Lambda entry file under lambda/. */
export const lambdaEntry = (file: string): string =>
  join(REPO_ROOT, 'lambda', file);
