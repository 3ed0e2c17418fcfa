import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { buildCatalog } from './src/lib/course/catalog.ts';
import { courseProblems } from './src/lib/course/course-check.ts';
import { readCourseFiles } from './src/lib/course/read-files.ts';

/**
 * Fails `vite build` with every lesson problem, by file and field, and with every course-check
 * problem (quiz cues, practice conversations): a course that breaks the writing rules does not ship.
 */
function checkLessons(): Plugin {
	return {
		name: 'heard:check-lessons',
		apply: 'build',
		buildStart() {
			const problems = courseProblems(buildCatalog(readCourseFiles(process.cwd())));
			if (problems.length) throw new Error(`The course check failed:\n  ${problems.join('\n  ')}`);
		}
	};
}

export default defineConfig({
	plugins: [checkLessons(), sveltekit()],
	build: {
		rolldownOptions: {
			// SvelteKit's own writeBundle and closeBundle (prerendering, the adapter) run for seconds
			// by design; the timing report says nothing about code of ours.
			checks: { pluginTimings: false }
		}
	},
	test: {
		projects: [
			{
				// Every unit test opens its own database in a temp folder and keeps no state in modules, so
				// files can share a worker's imports: half the suite's time on two cores.
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					environment: 'node',
					testTimeout: 20_000,
					isolate: false
				}
			},
			{
				// What ../shared/CONTENT.md asks of every lesson and of the course as a whole.
				extends: true,
				test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node' }
			},
			{
				// Real servers from the production build: run after `vite build`, one file at a time.
				extends: true,
				test: {
					name: 'reliability',
					include: ['tests/reliability/**/*.test.ts'],
					environment: 'node',
					testTimeout: 300_000,
					fileParallelism: false
				}
			},
			{
				// Benchmarks (npm run bench): they measure and print; they are not pass/fail tests.
				extends: true,
				test: {
					name: 'bench',
					include: ['bench/**/*.bench.ts'],
					environment: 'node',
					testTimeout: 1_800_000,
					fileParallelism: false
				}
			}
		]
	}
});
