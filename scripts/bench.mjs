// `npm run bench`: works on a fresh clone like the two main commands: installs what is missing
// (npm packages, Chromium), then runs the benchmark (scripts/bench/run.ts) with the same arguments.
import { ensureChromium, ensureDependencies, run } from './lib.mjs';

ensureDependencies();
ensureChromium();
run('npx', ['tsx', 'scripts/bench/run.ts', ...process.argv.slice(2)]);
