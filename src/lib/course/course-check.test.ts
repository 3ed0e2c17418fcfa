import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog';
import { longestPathTurns } from './dialogue-graph';
import { quizBalance } from './quiz-balance.js';
import { readCourseFiles } from './read-files';
import type { Dialogue, Question } from './schema';

/**
 * The course check: what ../shared/CONTENT.md asks of quizzes ("only a reader can pass") and of
 * practice conversations, over every lesson. `npm run course:report` prints the same figures.
 */
const catalog = buildCatalog(readCourseFiles(process.cwd()));
const questionsOf = (kinds: string[]) => (l: (typeof catalog.lessons)[number]) => l.exercises.filter((e) => kinds.includes(e.kind));
const dialogues = catalog.lessons.flatMap((l) => (questionsOf(['dialogue'])(l) as Dialogue[]).map((d) => ({ file: l.file.slice(1), lesson: l, d })));

describe('quizzes only a reader can pass', () => {
	it('leave no length, position, wording or feedback cue over the limits', () => {
		const { figures, failures, worst } = quizBalance(catalog.lessons.map((l) => ({ file: l.file.slice(1), questions: questionsOf(['single', 'multiple'])(l) as Question[] })));
		expect(failures, `Quiz cues over the limit:\n  ${failures.join('\n  ')}\n${JSON.stringify(figures, null, 1)}\nWorst questions:\n  ${worst.join('\n  ')}`).toEqual([]);
	});

	it('say "choose all that apply" only once, on the page, not in the question', () => {
		const repeated = catalog.lessons.flatMap((l) => (questionsOf(['multiple'])(l) as Question[]).filter((q) => /choose all/i.test(q.question)).map((q) => `${l.file}: ${q.id}`));
		expect(repeated).toEqual([]);
	});
});

describe('practice conversations', () => {
	it('are in every strategy lesson, the first module, and module 2 or 4: nine or more', () => {
		const having = (module: string) => catalog.lessons.filter((l) => l.moduleSlug === module && l.exercises.some((e) => e.kind === 'dialogue'));
		const strategies = catalog.lessons.filter((l) => l.moduleSlug === 'seven-ways-back');
		expect(strategies.filter((l) => !l.exercises.some((e) => e.kind === 'dialogue')).map((l) => l.file)).toEqual([]);
		expect(having('understanding-silence').length).toBeGreaterThanOrEqual(1);
		expect(having('why-they-cant-hear-you').length + having('holding-space-and-real-change').length).toBeGreaterThanOrEqual(1);
		expect(dialogues.length).toBeGreaterThanOrEqual(9);
	});

	it.each(dialogues.map((x) => [`${x.file}: ${x.d.id}`, x] as const))('%s: three to five turns on its longest path, and a partner who may stay closed', (_name, { d }) => {
		expect(longestPathTurns(d)).toBeGreaterThanOrEqual(3);
		expect(longestPathTurns(d)).toBeLessThanOrEqual(5);
		expect(d.endings.some((e) => e.outcome === 'closed')).toBe(true);
		expect(d.endings.some((e) => e.outcome === 'softened')).toBe(true);
	});
});

describe('try it this week', () => {
	it('is offered by every strategy lesson', () => {
		const missing = catalog.lessons.filter((l) => l.moduleSlug === 'seven-ways-back' && l.tryThisWeek.length === 0).map((l) => l.file);
		expect(missing).toEqual([]);
	});
});
