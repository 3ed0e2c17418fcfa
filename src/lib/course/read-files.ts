import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseFiles } from './catalog.ts';

/**
 * Reads lessons/ from disk into the same shape the server's import.meta.glob gives,
 * so the build-time check and unit tests validate exactly what the server will serve.
 */
export function readCourseFiles(root: string): CourseFiles {
	const files: CourseFiles = { lessons: {}, modules: {}, sources: undefined };
	const dir = join(root, 'lessons');
	files.sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		for (const name of readdirSync(join(dir, entry.name))) {
			const path = `/lessons/${entry.name}/${name}`;
			const text = readFileSync(join(dir, entry.name, name), 'utf8');
			if (name === 'module.json') files.modules[path] = JSON.parse(text);
			else if (name.endsWith('.svx')) files.lessons[path] = text;
		}
	}
	return files;
}
