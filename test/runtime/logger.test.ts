import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import {
  PowertoolsInngestLogger,
  splitArgs,
} from '../../lambda/runtime/logger';

/** Records what reaches Powertools, with the keys of each child. */
function fakePowertools(keys: Record<string, unknown> = {}) {
  const lines: { level: string; args: unknown[]; keys: object }[] = [];
  const make = (own: Record<string, unknown>): PowertoolsLogger => {
    const write =
      (level: string) =>
      (...args: unknown[]) =>
        lines.push({ level, args, keys: { ...own } });
    return {
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
      createChild: () => make({ ...own }),
      appendPersistentKeys: (more: Record<string, unknown>) =>
        Object.assign(own, more),
    } as unknown as PowertoolsLogger;
  };
  return { lines, logger: make(keys) };
}

describe('PowertoolsInngestLogger', () => {
  it("writes Inngest's object-first calls message first", () => {
    const { lines, logger } = fakePowertools();

    new PowertoolsInngestLogger(logger).info({ videoId: 'v1' }, 'harvested');

    expect(lines).toEqual([
      { level: 'info', args: ['harvested', { videoId: 'v1' }], keys: {} },
    ]);
  });

  it('passes a bare message on without fields', () => {
    const { lines, logger } = fakePowertools();

    new PowertoolsInngestLogger(logger).warn('careful');

    expect(lines[0]?.args).toEqual(['careful']);
  });

  it('tags every line of a child with its fields', () => {
    const { lines, logger } = fakePowertools();
    const child = new PowertoolsInngestLogger(logger).child({ runID: 'r1' });

    child.error('failed');

    expect(lines[0]).toMatchObject({ level: 'error', keys: { runID: 'r1' } });
  });
});

describe('splitArgs', () => {
  it('keeps errors under `error`, as Inngest logs them under `err`', () => {
    const boom = new Error('boom');

    expect(splitArgs([{ err: boom, step: 's' }, 'step failed'])).toEqual({
      message: 'step failed',
      attributes: { error: boom, step: 's' },
    });
  });

  it('keeps other values and names a missing message', () => {
    expect(splitArgs([42, true])).toEqual({
      message: '(no message)',
      attributes: { values: [42, true] },
    });
  });
});
