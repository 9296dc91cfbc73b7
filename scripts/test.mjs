// `npm test`: every test, from a fresh clone. Installs what is missing, then runs the unit tests
// (vitest), builds and packages both SCORM bundles, builds the pseudo-locale test build, and runs
// the e2e tests (Playwright) against them in the preview LMS. Ends with one line "tests: N passed,
// N failed".
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureDependencies, run } from './lib.mjs';

ensureDependencies();
ensureChromium();
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
run('npx', ['svelte-kit', 'sync']);

const unit = spawnSync(
	'npx',
	['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json'],
	{ stdio: 'inherit' }
);
run('npm', ['run', 'package']);
// One more build, with the test-only pseudo-locales, into build-pseudo/ (never packaged): the text
// expansion and right-to-left e2e tests run on it.
run('npm', ['run', 'build:pseudo']);
const e2e = spawnSync('npx', ['playwright', 'test'], {
	stdio: 'inherit',
	env: process.env
});

const counts = { passed: 0, failed: 0, skipped: 0 };
try {
	const u = JSON.parse(readFileSync('reports/unit.json', 'utf8'));
	counts.passed += u.numPassedTests;
	counts.failed += u.numFailedTests;
	counts.skipped += u.numPendingTests + u.numTodoTests;
} catch {
	counts.failed += 1;
	console.error('No unit test results were written.');
}
try {
	const s = JSON.parse(readFileSync('reports/e2e.json', 'utf8')).stats;
	counts.passed += s.expected + s.flaky;
	counts.failed += s.unexpected;
	counts.skipped += s.skipped;
} catch {
	counts.failed += 1;
	console.error('No e2e test results were written.');
}
const ok = unit.status === 0 && e2e.status === 0 && counts.failed === 0 && counts.passed > 0;
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
