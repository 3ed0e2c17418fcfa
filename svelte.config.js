import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.svx'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.svx'],
			// Lesson frontmatter holds the quiz answers. The server parses it itself
			// (src/lib/server/course.ts); returning nothing here keeps it out of the
			// compiled lesson body, so answers never ship in the browser bundle.
			frontmatter: { type: 'yaml', marker: '-', parse: () => undefined }
		})
	],
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Nonces for SvelteKit's own inline scripts; nothing else inline may run or style the page.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// The one inline style is SvelteKit's route announcer; allowed by its hash alone.
				'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
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
