// Shared set-up for the two entry commands (start, test): they must work on a fresh clone, so
// they install what is missing before doing anything else. Node built-ins only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/** Run a command, inheriting output; exit with its code when it fails. */
export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(
			`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`
		);
		process.exit(result.status ?? 1);
	}
}

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
	const marker = 'node_modules/.package-lock.json';
	if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs)
		return;
	console.log('Installing dependencies (npm ci)...');
	run('npm', ['ci', '--no-audit', '--no-fund'], {
		env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
	});
}

/** A Chromium for Playwright: $CHROMIUM_PATH, Debian's, or Playwright's own; else install Debian's. */
export function ensureChromium() {
	if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return;
	if (hasPlaywrightBrowser()) return;
	const isRoot = process.getuid?.() === 0;
	if (!isRoot || !existsSync('/usr/bin/apt-get')) {
		console.error(
			'No Chromium found. Install one (Debian: apt-get install -y chromium), set CHROMIUM_PATH, ' +
				'or run `npx playwright install chromium` where downloads are allowed.'
		);
		process.exit(1);
	}
	console.log('Installing Chromium (apt-get)...');
	run('apt-get', ['update', '-qq']);
	run('apt-get', ['install', '-y', '-qq', 'chromium'], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
}

function hasPlaywrightBrowser() {
	try {
		const path = execFileSync(
			'node',
			['-e', "console.log(require('playwright-core').chromium.executablePath())"],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
		).trim();
		return path !== '' && existsSync(path);
	} catch {
		return false;
	}
}
