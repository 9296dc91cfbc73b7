// `npm start`: the main job, from a fresh clone. Installs what is missing, builds the course,
// packages every SCORM bundle into dist/, and serves the preview LMS to take the course in.
import { ensureDependencies, run } from './lib.mjs';

ensureDependencies();
run('npm', ['run', 'package']);
run('npx', ['tsx', 'scorm/preview/server.ts', ...process.argv.slice(2)]);
