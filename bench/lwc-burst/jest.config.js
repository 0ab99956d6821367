'use strict';

// The burst benchmark runs in the same jsdom + LWC engine as the component tests, against the
// compiled orderStatusTracker in force-app. Run from the project root after `npm run build`:
//   npx jest -c bench/lwc-burst/jest.config.js
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/bench/lwc-burst'],
  testMatch: ['**/*.bench.ts'],
};
