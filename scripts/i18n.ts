// `npm run i18n -- export <lang> [file]` writes the language's text with the English source as
// XLIFF 2.0 (default translations/<lang>.xlf); `npm run i18n -- import <file>` writes the
// translations back into each locales/<lang>.yaml. See docs/content-format.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportXliff, importXliff } from '../src/lib/content/xliff.ts';

const root = join(process.cwd(), 'modules');
const [command, arg, out] = process.argv.slice(2);
try {
	if (command === 'export' && arg) {
		const file = out ?? join('translations', `${arg}.xlf`);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, exportXliff({ root, source: 'en', target: arg }));
		console.log(`wrote ${file}`);
	} else if (command === 'import' && arg) {
		for (const file of importXliff({ root, xml: readFileSync(arg, 'utf8'), source: 'en' })) {
			console.log(`wrote ${file}`);
		}
		console.log('Now run npm run content:report to check the language.');
	} else {
		console.error('usage: npm run i18n -- export <lang> [file] | import <file>');
		process.exitCode = 2;
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}
