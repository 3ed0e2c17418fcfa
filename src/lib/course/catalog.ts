import { parse as parseYaml } from 'yaml';
import { markdownParts } from './lesson-parts.js';
import type { z } from 'zod';
import {
	lessonFrontmatterSchema,
	moduleSchema,
	sourcesSchema,
	type Exercise,
	type Source,
	type TryItem
} from './schema.ts';

/** Raw course files keyed by their path from the project root, e.g. `/lessons/01-a/01-b.svx`. */
export interface CourseFiles {
	lessons: Record<string, string>;
	modules: Record<string, unknown>;
	sources: unknown;
}

export interface Module {
	slug: string;
	title: string;
	summary: string;
	lessons: Lesson[];
}

export interface Lesson {
	/** `module-slug/lesson-slug`: what progress is stored under, so reordering files never orphans it. */
	id: string;
	moduleSlug: string;
	slug: string;
	/** The glob key of the .svx file; the page uses it to load the compiled body. */
	file: string;
	/** Position in the whole course, from 0. */
	index: number;
	title: string;
	summary: string;
	minutes: number;
	/** Never locked behind earlier lessons (the safety lesson). */
	open: boolean;
	sources: Source[];
	exercises: Exercise[];
	/** Small things to try this week, offered when the lesson is finished (strategy lessons). */
	tryThisWeek: TryItem[];
	/** It asks the learner to talk with or act toward their partner (schema.ts). */
	withPartner: boolean;
	/** The lesson's own ideas, named as its reading names them (schema.ts). */
	ideas?: string[];
	/** The reading, cut where the lesson's steps cut it (lesson-parts.js). */
	parts: { title: string | null; continued: boolean }[];
}

export interface Catalog {
	modules: Module[];
	lessons: Lesson[];
	get(moduleSlug: string, lessonSlug: string): Lesson | undefined;
	/** By stored id, `module-slug/lesson-slug`. */
	byId(id: string): Lesson | undefined;
}

export { lessonHref, onePageHref, stepHref } from './urls.ts';

export class CatalogError extends Error {
	constructor(public problems: string[]) {
		super(`The course has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
		this.name = 'CatalogError';
	}
}

const PREFIXED = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** A lesson file's YAML frontmatter block; group 1 is the YAML. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function issues(file: string, error: z.ZodError): string[] {
	return error.issues.map((i) => `${file}: ${i.path.join('.') || '(frontmatter)'}: ${i.message}`);
}

function splitPrefixed(name: string) {
	const m = PREFIXED.exec(name);
	return m ? { order: Number(m[1]), slug: m[2] } : undefined;
}

/** Builds and validates the whole course; throws one CatalogError listing every problem by file and field. */
export function buildCatalog(files: CourseFiles): Catalog {
	const problems: string[] = [];
	const sourcesResult = sourcesSchema.safeParse(files.sources);
	if (!sourcesResult.success) problems.push(...issues('lessons/sources.json', sourcesResult.error));
	const sources = sourcesResult.data ?? {};

	const modules = new Map<string, Module & { order: number }>();
	for (const [path, json] of Object.entries(files.modules)) {
		const dir = path.split('/').at(-2) ?? '';
		const name = splitPrefixed(dir);
		const file = path.replace(/^\//, '');
		if (!name) {
			problems.push(`${file}: folder name must look like 01-module-name`);
			continue;
		}
		const meta = moduleSchema.safeParse(json);
		if (!meta.success) {
			problems.push(...issues(file, meta.error));
			continue;
		}
		if ([...modules.values()].some((m) => m.slug === name.slug || m.order === name.order)) {
			problems.push(`${file}: another module has the same number or name`);
			continue;
		}
		modules.set(dir, { ...meta.data, slug: name.slug, order: name.order, lessons: [] });
	}

	const lessonOrder = new Map<Lesson, number>();
	for (const [path, raw] of Object.entries(files.lessons)) {
		const file = path.replace(/^\//, '');
		const [dir, base] = path.split('/').slice(-2);
		const name = splitPrefixed(base.replace(/\.svx$/, ''));
		const module = modules.get(dir);
		if (!module) {
			problems.push(`${file}: its folder has no valid module.json`);
			continue;
		}
		if (!name) {
			problems.push(`${file}: file name must look like 01-lesson-name.svx`);
			continue;
		}
		const fm = FRONTMATTER.exec(raw);
		if (!fm) {
			problems.push(`${file}: no frontmatter (the file must start with a --- block)`);
			continue;
		}
		let data: unknown;
		try {
			data = parseYaml(fm[1]);
		} catch (e) {
			problems.push(
				`${file}: frontmatter is not valid YAML: ${(e as Error).message.split('\n')[0]}`
			);
			continue;
		}
		const meta = lessonFrontmatterSchema.safeParse(data);
		if (!meta.success) {
			problems.push(...issues(file, meta.error));
			continue;
		}
		const missing = meta.data.sources.findIndex((key) => !(key in sources));
		if (missing >= 0) {
			problems.push(
				`${file}: sources.${missing}: "${meta.data.sources[missing]}" is not in lessons/sources.json`
			);
			continue;
		}
		if (module.lessons.some((l) => l.slug === name.slug || lessonOrder.get(l) === name.order)) {
			problems.push(`${file}: another lesson in ${dir} has the same number or name`);
			continue;
		}
		const parts = markdownParts(raw.slice(fm[0].length));
		const headings = new Set(parts.filter((p) => !p.continued && p.title).map((p) => p.title));
		const unknownAfter = meta.data.exercises.findIndex(
			(e) => 'after' in e && e.after !== undefined && !headings.has(e.after)
		);
		if (unknownAfter >= 0) {
			problems.push(
				`${file}: exercises.${unknownAfter}.after: no "## " heading of this lesson reads "${(meta.data.exercises[unknownAfter] as { after: string }).after}"`
			);
			continue;
		}
		const lesson: Lesson = {
			...meta.data,
			id: `${module.slug}/${name.slug}`,
			moduleSlug: module.slug,
			slug: name.slug,
			file: path,
			index: -1,
			sources: meta.data.sources.map((key) => sources[key]),
			tryThisWeek: meta.data.tryThisWeek ?? [],
			parts
		};
		lessonOrder.set(lesson, name.order);
		module.lessons.push(lesson);
	}

	if (problems.length) throw new CatalogError(problems.sort());

	const ordered = [...modules.values()].sort((a, b) => a.order - b.order);
	const lessons: Lesson[] = [];
	for (const module of ordered) {
		module.lessons.sort((a, b) => lessonOrder.get(a)! - lessonOrder.get(b)!);
		for (const lesson of module.lessons) {
			lesson.index = lessons.length;
			lessons.push(lesson);
		}
	}
	if (lessons.length === 0) throw new CatalogError(['lessons/: the course has no lessons']);

	const byId = new Map(lessons.map((l) => [l.id, l]));
	return {
		modules: ordered.map(({ order: _order, ...m }) => m),
		lessons,
		get: (moduleSlug, lessonSlug) => byId.get(`${moduleSlug}/${lessonSlug}`),
		byId: (id) => byId.get(id)
	};
}
