import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { splitLessonHtml } from './src/lib/course/lesson-parts.js';
import { publicFrontmatter } from './src/lib/course/public-text.js';

const sources = JSON.parse(
	readFileSync(new URL('./lessons/sources.json', import.meta.url), 'utf8')
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.svx'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.svx'],
			// Lesson frontmatter holds the quiz answers. The server parses all of it itself
			// (src/lib/server/course.ts); the compiled lesson gets only what its exercises ask,
			// as `metadata`, so answers never ship in the browser bundle.
			frontmatter: {
				type: 'yaml',
				marker: '-',
				parse: (frontmatter) => publicFrontmatter(frontmatter, sources)
			}
		}),
		{
			name: 'heard-lesson-parts',
			// mdsvex still writes Svelte 4's <script context="module"> for metadata. Each lesson then
			// renders one part of its reading at a time (the lesson's steps), or all of it.
			markup: ({ content, filename }) =>
				filename?.endsWith('.svx')
					? {
							code: splitLessonHtml(content.replace('<script context="module">', '<script module>'))
						}
					: undefined
		}
	],
	compilerOptions: { runes: true },
	kit: {
		// src/env.ts declares and validates every setting the app reads (see its comment).
		experimental: { explicitEnvironmentVariables: true },
		adapter: adapter(),
		// Test helpers shared by unit tests, end-to-end tests and benchmarks; never imported by the app.
		alias: { $test: 'tests/support' },
		// Nonces for SvelteKit's own inline scripts; nothing else inline may run or style the page.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// The one inline style is SvelteKit's route announcer; allowed by its hash alone.
				'style-src': [
					'self',
					'unsafe-hashes',
					'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
				],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
