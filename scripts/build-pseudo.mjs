// `npm run build:pseudo`: the course with the test-only pseudo-locales (en-XA: +40 % accented
// text; ar-XB: English right to left) into build-pseudo/, for tests/expansion.e2e.ts and
// tests/rtl.e2e.ts. Never packaged: the packager zips build/ and builds without COURSE_PSEUDO.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const run = spawnSync(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
	{
		stdio: 'inherit',
		env: { ...process.env, COURSE_PSEUDO: '1', COURSE_PROFILE: '' }
	}
);
if (run.status !== 0) process.exit(run.status ?? 1);
console.log(`build-pseudo/ written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
