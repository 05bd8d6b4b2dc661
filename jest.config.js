/** Jest runs TypeScript through SWC: ts-jest does not run on TypeScript 7. */

// The AWS SDK warns once per process that its 2027 releases need Node 22;
// the lock file pins today's releases, so in tests it is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
    ],
  },
  testTimeout: 20000,
};
