'use strict';

// Lints the LWC JavaScript the build emits (force-app/**/lwc) and the components' Jest tests.
// The TypeScript sources are type-checked by tsc instead: the TS flavour of the LWC config
// reports interfaces as undefined variables.
const { defineConfig, globalIgnores } = require('eslint/config');
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');
const lwcPlatform = require('@lwc/eslint-plugin-lwc-platform');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

module.exports = defineConfig([
  globalIgnores(['.switchyard/**', 'coverage/**']),

  // LWC components
  {
    files: ['**/lwc/**/*.js'],
    extends: [lwcRecommended, lwcPlatform.configs.recommended],
    rules: {
      // Checks that a component can work offline in the Salesforce mobile app. Switchyard's
      // components (the live status on the Order page over lightning/empApi, the Integration
      // Error console calling Apex) need the server by design. Enabled as the recommended config
      // enables it, without its adapter lists, the rule also crashes on the first @wire.
      '@lwc/lwc-platform/valid-offline-wire': 'off',
      // Reconnect backoff and one-render-per-frame batching need timers; they live in the shared
      // eventStream module alone, where each use is disabled inline with its reason.
      '@lwc/lwc-platform/no-inline-disable': [
        'error',
        { whitelist: { '@lwc/lwc/no-async-operation': ['**/lwc/eventStream/eventStream.js'] } },
      ],
    },
  },

  // LWC Jest tests
  {
    files: ['**/lwc/**/__tests__/**/*.js'],
    extends: [jestPlugin.configs['flat/recommended']],
    rules: {
      // Tests drive wire adapters through their test utilities, which this rule rejects.
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
    },
    languageOptions: {
      globals: { ...globals.node, ...jestPlugin.environments.globals.globals },
    },
  },
]);
