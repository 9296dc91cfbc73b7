import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const domainPatterns = [
	{ group: ['svelte', 'svelte/*'], message: 'The domain imports no Svelte.' },
	{ group: ['$app/*', '@sveltejs/*'], message: 'The domain imports no SvelteKit.' },
	{
		group: ['*.svelte', '$lib/components/*', '$lib/state/*'],
		message: 'No components or rune glue in the domain.'
	}
];
const nodePatterns = [
	{
		group: ['**/scorm/package/*', 'node:*', 'fs', 'path'],
		message: 'Node-only code stays out of the browser bundle.'
	}
];

export default defineConfig(
	{
		ignores: [
			'build/',
			'build-pseudo/',
			// Written by the build (the scenario engine, module text): generated, git-ignored.
			'static/content/',
			'dist/',
			'.svelte-kit/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// Hash-router links are literal '#/...' routes: resolve() returns a directory URL that
			// breaks when the LMS launches '.../index.html' (toolchain.md, gotcha 5).
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The domain stays plain TypeScript: no Svelte, no SvelteKit, no components (design.md).
		files: ['src/lib/course/**', 'src/lib/scenario/**', 'src/lib/content/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: domainPatterns }] }
	},
	{
		// Browser code never imports Node or the Node-only packager (content/ runs at build time).
		files: ['src/lib/course/**', 'src/lib/scenario/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [...domainPatterns, ...nodePatterns] }]
		}
	},
	{
		files: [
			'src/routes/**',
			'src/lib/components/**',
			'src/lib/state/**',
			'src/lib/i18n/**',
			'scorm/runtime/**',
			'scorm/hosted/**'
		],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: nodePatterns }] }
	}
);
