import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { buildCatalog } from './src/lib/course/catalog';
import { readCourseFiles } from './src/lib/course/read-files';

/** Fails `vite build` (and warns in dev) with every lesson problem, by file and field. */
function checkLessons(): Plugin {
	return {
		name: 'heard:check-lessons',
		apply: 'build',
		buildStart() {
			buildCatalog(readCourseFiles(process.cwd()));
		}
	};
}

export default defineConfig({
	plugins: [checkLessons(), sveltekit()],
	test: {
		projects: [
			{ extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
			{
				// Real servers from the production build: run after `vite build`, one file at a time.
				extends: true,
				test: { name: 'reliability', include: ['tests/reliability/**/*.test.ts'], environment: 'node', testTimeout: 300_000, fileParallelism: false }
			},
			{
				// Benchmarks (npm run bench): they measure and print; they are not pass/fail tests.
				extends: true,
				test: { name: 'bench', include: ['bench/**/*.bench.ts'], environment: 'node', testTimeout: 1_800_000, fileParallelism: false }
			}
		]
	}
});
