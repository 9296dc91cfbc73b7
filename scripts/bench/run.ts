// `npm run bench [-- --runs N] [-- --json [file]] [-- --skip-build]`: builds and packages (timed),
// then launches the SCORM 1.2 package in the preview LMS under a random sub-path, in a fresh
// throttled Chromium per launch, alternating with the floor page, and prints medians with their
// range against the targets in docs/performance.md. Sizes and counts are held in CI by
// tests/budgets.e2e.ts; times are only measured here, never asserted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { WORST_STAMP, worstCaseState } from '../../src/lib/course/budget.ts';
import { encodeState } from '../../src/lib/course/codec.ts';
import { startPreview } from '../../scorm/preview/server.ts';
import { bundleName, content, course } from '../../tests/harness.ts';
import { THROTTLING } from './browser.ts';
import { NOTES, benchFigures } from './figures.ts';
import { floorHtml, writeFloorZip } from './floor.ts';
import { measureCourse, measureFloor } from './measure.ts';
import type { CourseRun, FloorRun } from './measure.ts';
import { probeScript } from './probe.ts';
import { table } from './stats.ts';

interface Args {
	runs: number;
	json: string | null;
	skipBuild: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { runs: 5, json: null, skipBuild: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const value = argv[i + 1];
		if (arg === '--runs' && value && /^[1-9]\d*$/.test(value)) args.runs = Number(argv[++i]);
		else if (arg.startsWith('--runs=')) args.runs = Number(arg.slice(7)) || args.runs;
		else if (arg === '--json') {
			args.json = value && !value.startsWith('--') ? argv[++i]! : 'reports/bench.json';
		} else if (arg.startsWith('--json=')) args.json = arg.slice(7);
		else if (arg === '--skip-build') args.skipBuild = true;
		else throw new Error(`unknown argument ${arg} (use --runs N, --json [file], --skip-build)`);
	}
	return args;
}

/** `npm run package` (vite build, then both zips), wall time in ms; its output only on failure. */
function buildAndPackage(): Promise<number> {
	const started = performance.now();
	return new Promise((done, fail) => {
		const child = spawn('npm', ['run', 'package'], { stdio: ['ignore', 'pipe', 'pipe'] });
		const output: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('error', fail);
		child.on('close', (code) => {
			if (code === 0) return done(performance.now() - started);
			process.stderr.write(Buffer.concat(output));
			fail(new Error(`npm run package exited with ${code}`));
		});
	});
}

// Random, deep and Moodle-like, so nothing may depend on where the LMS mounts the package.
const randomPrefix = (): string =>
	`/r${randomBytes(4).toString('hex')}/${randomBytes(3).toString('hex')}/pluginfile.php`;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const began = performance.now();
	// Other work on the machine shows in every time: record how busy it was.
	const loadBefore = loadavg()[0]!;
	log(args.skipBuild ? 'bench: using the existing build' : 'bench: npm run package…');
	const buildMs = args.skipBuild ? NaN : await buildAndPackage();

	const index = await readFile(join('build', 'index.html'));
	const startupGzip = gzipSync(index, { level: 9 }).length;
	const suspendData = encodeState({
		state: worstCaseState(course),
		course,
		stamp: WORST_STAMP
	}).length;
	const module = course.modules[0]!;
	const ui = content.resources[course.defaultLanguage]!.course as unknown as {
		ui: Record<string, Record<string, string>>;
	};
	const labels = { finish: ui.ui.nav!.finish!, next: ui.ui.nav!.next!, start: ui.ui.home!.start! };

	const dir = await mkdtemp(join(tmpdir(), 'bench-'));
	const bundle = bundleName('scorm12');
	await copyFile(join('dist', bundle), join(dir, bundle));
	await writeFloorZip({ file: join(dir, 'floor.zip'), content });

	const courseRuns: CourseRun[] = [];
	const floorRuns: FloorRun[] = [];
	try {
		for (let run = 1; run <= args.runs; run++) {
			const prefix = randomPrefix();
			const server = await startPreview({ port: 0, distDir: dir, mountPrefix: prefix });
			try {
				// Build the LMS player now, so its one-off bundling is not inside a measurement.
				await (await fetch(new URL('player.js', server.url))).arrayBuffer();
				const probe = probeScript({
					prefix,
					start: labels.start,
					next: labels.next,
					choices: ui.ui.scenario!.whatDoYouDo!,
					// The scenario player's consequence heading (ScenarioPlayer.svelte).
					consequenceId: 'consequence-h'
				});
				const launch = { url: server.url, prefix, probe };
				const floor = () => measureFloor({ ...launch, bundle: 'floor.zip' });
				const courseRun = () => measureCourse({ ...launch, bundle, module, labels });
				// Alternate which goes first, so a drift over the run does not favour either.
				if (run % 2) {
					courseRuns.push(await courseRun());
					floorRuns.push(await floor());
				} else {
					floorRuns.push(await floor());
					courseRuns.push(await courseRun());
				}
				const c = courseRuns.at(-1)!;
				const f = floorRuns.at(-1)!;
				log(
					`bench: run ${run}/${args.runs} under ${prefix}: usable ${Math.round(c.usableMs)} ms ` +
						`(floor ${Math.round(f.h1Ms)} ms), ${c.requests} requests, ${c.bytes} bytes`
				);
			} finally {
				await server.close();
			}
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}

	const figures = benchFigures({ courseRuns, floorRuns, buildMs, suspendData, startupGzip });

	const chromiumVersion = courseRuns[0]?.chromiumVersion ?? '';
	const machine = {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? '',
		memoryGB: Math.round(totalmem() / 1024 ** 3),
		os: `${platform()} ${release()}`,
		node: process.version,
		chromium: chromiumVersion,
		loadAverage1m: { before: loadBefore, after: loadavg()[0]! }
	};
	const throttling = `${THROTTLING.latencyMs} ms latency, ${THROTTLING.downloadBitsPerSecond / 1e6} Mbps down, ${THROTTLING.uploadBitsPerSecond / 1e3} kbps up, CPU ${THROTTLING.cpuSlowdown}× slower, cache off`;
	console.log(
		`\nbench: ${args.runs} runs, SCORM 1.2 package in the preview LMS, ${throttling}\n` +
			`machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, ` +
			`Chromium ${machine.chromium}, load ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`
	);
	console.log(table(figures));
	console.log(`\n${NOTES.map((n) => `· ${n}`).join('\n')}`);
	const totalMs = performance.now() - began;
	console.log(`\nbench took ${(totalMs / 1000).toFixed(0)} s`);

	if (args.json) {
		const file = resolve(args.json);
		await mkdir(dirname(file), { recursive: true });
		const report = {
			date: new Date().toISOString(),
			machine,
			throttling: { ...THROTTLING, cacheDisabled: true },
			runs: args.runs,
			benchMs: totalMs,
			floorHtmlBytes: Buffer.byteLength(floorHtml({ content })),
			figures: Object.fromEntries(
				figures.map((f) => [
					f.label.trim(),
					{ ...f.summary, unit: f.unit, target: f.target ?? null, met: f.met, samples: f.samples }
				])
			),
			raw: { course: courseRuns, floor: floorRuns }
		};
		await writeFile(file, `${JSON.stringify(report, null, '\t')}\n`);
		console.log(`wrote ${file}`);
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
