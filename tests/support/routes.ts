import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Lesson } from '../../src/lib/course/catalog';

/** Every route in src/routes (a page or an endpoint), as SvelteKit names it: `/learn/[module]/[lesson]`. */
export function routeIds(root = 'src/routes'): string[] {
	const ids: string[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		if (entries.some((e) => /^\+(page\.svelte|server\.(ts|js))$/.test(e.name))) {
			const rel = relative(root, dir)
				.split(sep)
				.filter((part) => !/^\(.*\)$/.test(part));
			ids.push(`/${rel.join('/')}`.replace(/\/$/, '') || '/');
		}
		for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
	};
	walk(root);
	return ids.sort();
}

/** A concrete URL for a route id, filling its parameters from a lesson. */
export function urlFor(routeId: string, lesson: Lesson): string {
	return routeId
		.replace('[module]', lesson.moduleSlug)
		.replace('[lesson]', lesson.slug)
		.replace('[step=step]', '1');
}

/** Routes open to signed-out visitors; everything else must need a session. */
export const PUBLIC_ROUTES = [
	'/',
	'/goodbye',
	'/help',
	'/login',
	'/logout',
	'/preferences',
	'/recover',
	'/safety-check',
	'/signup'
];
