import { describe, expect, it } from 'vitest';
import { buildCatalog, type Lesson } from '../../src/lib/course/catalog';
import { readCourseFiles } from '../../src/lib/course/read-files';

/** What the course promises about every lesson (see ../shared/CONTENT.md and the course issue). */
const files = readCourseFiles(process.cwd());
const catalog = buildCatalog(files);
const body = (lesson: Lesson) => files.lessons[lesson.file].replace(/^---[\s\S]*?\n---\n/, '');
const words = (text: string) => text.match(/[\p{L}\p{N}’'-]+/gu)?.length ?? 0;
const sources = files.sources as Record<string, { title: string }>;
const articleTitles = ['silent-treatment-article', 'cant-hear-you-article'].map(
	(key) => sources[key].title
);

describe.each(catalog.lessons.map((l) => [l.file.slice(1), l] as const))('%s', (_file, lesson) => {
	const quiz = lesson.exercises.filter((e) => e.kind !== 'reflection' && e.kind !== 'dialogue');
	const questions = lesson.exercises.filter(
		(e) => e.kind === 'single' || e.kind === 'multiple' || e.kind === 'line'
	);

	it('has a quiz of at least 3 questions, most of them scenarios', () => {
		expect(quiz.length).toBeGreaterThanOrEqual(3);
	});

	it('has at least one reflection', () => {
		expect(lesson.exercises.some((e) => e.kind === 'reflection')).toBe(true);
	});

	it('uses "multiple" only where several answers are right, and keeps a wrong one', () => {
		for (const q of questions.filter((q) => q.kind === 'multiple')) {
			const right = q.options.filter((o) => o.correct).length;
			expect(right, q.id).toBeGreaterThanOrEqual(2);
			expect(right, q.id).toBeLessThan(q.options.length);
		}
	});

	it('gives 3 or more options, each with its own feedback', () => {
		for (const q of questions) {
			expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
			expect(new Set(q.options.map((o) => o.feedback)).size, q.id).toBe(q.options.length);
		}
	});

	it('names the article it draws on', () => {
		expect(lesson.sources.some((s) => articleTitles.includes(s.title))).toBe(true);
	});

	it('is 400–900 words of prose', () => {
		const n = words(body(lesson));
		expect(n).toBeGreaterThanOrEqual(400);
		expect(n).toBeLessThanOrEqual(900);
	});

	it('carries none of the articles’ marketing and no unsourced figures', () => {
		const text = files.lessons[lesson.file];
		expect(text).not.toMatch(
			/secret obsession|hero instinct|instant access|click here|james bauer/i
		);
		expect(text).not.toMatch(/\d\s*%|per ?cent/i);
	});

	it('keeps Svelte syntax out of the prose', () => {
		expect(body(lesson)).not.toMatch(/[{}]|<(?!\/?(br)\b)/);
	});
});

describe('the course as a whole', () => {
	it('says once, at the start, that it teaches and does not diagnose', () => {
		const first = catalog.lessons[0];
		expect(body(first)).toMatch(/diagnos/i);
	});

	it('keeps the safety lesson open from the start', () => {
		const safety = catalog.get('safety-and-your-plan', 'when-silence-becomes-abuse');
		expect(safety?.open).toBe(true);
		expect(body(safety!)).toMatch(/\/help/);
	});

	it('points to /help wherever a lesson asks the learner to talk, set a boundary or let consequences land', () => {
		const asking = catalog.lessons.filter(
			(l) =>
				l.moduleSlug === 'seven-ways-back' ||
				l.id === 'holding-space-and-real-change/what-you-can-and-cannot-do'
		);
		for (const lesson of asking) expect(body(lesson), lesson.id).toContain('(/help)');
	});

	it('gives every lesson its own title', () => {
		expect(new Set(catalog.lessons.map((l) => l.title)).size).toBe(catalog.lessons.length);
	});
});
