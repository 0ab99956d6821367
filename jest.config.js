'use strict';

// Component tests run against the JavaScript the build compiled into force-app (what is deployed),
// not against the TypeScript sources: `c/<bundle>` maps to force-app/main/default/lwc/<bundle>.
// Run `npm run build` before `npm run test:unit`.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/ts-src/lwc'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  moduleNameMapper: {
    // sfdx-lwc-jest's own stub cannot deliver a message; this one can (see the file).
    '^lightning/empApi$': '<rootDir>/ts-src/lwc/test-support/empApi.ts',
    '^c/(.*)$': '<rootDir>/force-app/main/default/lwc/$1/$1',
  },
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/ts-src/lwc/test-support/setup.ts'],
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/force-app/'],
};
