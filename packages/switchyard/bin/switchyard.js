#!/usr/bin/env node
'use strict';
// The `switchyard` command. Switchyard ships its TypeScript sources and runs them through tsx (a
// dependency), in a child node that has tsx's loader, so the validator it starts and the
// generator's workers load the same way.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const loader = pathToFileURL(require.resolve('tsx')).href;
const main = path.join(__dirname, '..', 'ts-src', 'cli', 'main.ts');
const child = spawn(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches the child too (same process group); the child decides how to stop.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
