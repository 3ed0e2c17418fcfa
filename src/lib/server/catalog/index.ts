import { buildCatalog } from '$lib/course/catalog';

// Frontmatter is read from the raw files here, on the server only: it holds the answers.
const lessons = import.meta.glob<string>('/lessons/*/*.svx', {
	query: '?raw',
	import: 'default',
	eager: true
});
const modules = import.meta.glob('/lessons/*/module.json', { import: 'default', eager: true });
const sources = import.meta.glob('/lessons/sources.json', { import: 'default', eager: true });

/** The whole course with its answers: server-only. */
export const catalog = buildCatalog({
	lessons,
	modules,
	sources: sources['/lessons/sources.json']
});
