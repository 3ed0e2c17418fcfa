import type { Catalog } from './catalog.ts';
import { longestPathTurns } from './dialogue-graph.ts';
import { quizBalance } from './quiz-balance.js';
import type { Dialogue, Question } from './schema.ts';

/** The module whose lessons teach one strategy each: each has a practice conversation and things to try. */
export const STRATEGY_MODULE = 'seven-ways-back';
/** Learner turns on a conversation's longest path (../shared/CONTENT.md: "three to five"). */
const TURNS = { min: 3, max: 5 };

const questionsOf = (lesson: Catalog['lessons'][number]) =>
	lesson.exercises.filter((e): e is Question => e.kind === 'single' || e.kind === 'multiple');
const dialoguesOf = (lesson: Catalog['lessons'][number]) =>
	lesson.exercises.filter((e): e is Dialogue => e.kind === 'dialogue');

/**
 * What ../shared/CONTENT.md asks of the whole course beyond each lesson's schema: quizzes only a
 * reader can pass (quiz-balance.js), practice conversations where the course promises them, each
 * with a partner who may soften or stay closed, and things to try after every strategy lesson.
 * Run by `vite build` (a course that fails it does not build) and by the content tests.
 */
export function courseProblems(catalog: Catalog): string[] {
	const file = (lesson: Catalog['lessons'][number]) => lesson.file.replace(/^\//, '');
	const problems: string[] = [];

	const balance = quizBalance(
		catalog.lessons.map((l) => ({ file: file(l), questions: questionsOf(l) }))
	);
	if (balance.failures.length) {
		problems.push(
			`quizzes give their answers away (npm run course:report):\n    ${[...balance.failures, 'worst questions:', ...balance.worst].join('\n    ')}`
		);
	}
	for (const lesson of catalog.lessons) {
		for (const q of questionsOf(lesson)) {
			if (q.kind === 'multiple' && /choose all/i.test(q.question))
				problems.push(
					`${file(lesson)}: ${q.id}: the page says "Choose all that apply"; the question need not`
				);
		}
		for (const d of dialoguesOf(lesson)) {
			const turns = longestPathTurns(d);
			if (turns < TURNS.min || turns > TURNS.max)
				problems.push(
					`${file(lesson)}: ${d.id}: ${turns} learner turns on the longest path; keep it to ${TURNS.min}–${TURNS.max}`
				);
			for (const outcome of ['softened', 'closed'] as const) {
				if (!d.endings.some((e) => e.outcome === outcome))
					problems.push(
						`${file(lesson)}: ${d.id}: needs an ending where the partner is ${outcome}`
					);
			}
		}
		if (lesson.moduleSlug === STRATEGY_MODULE) {
			if (dialoguesOf(lesson).length === 0)
				problems.push(`${file(lesson)}: a strategy lesson needs a practice conversation`);
			if (lesson.tryThisWeek.length === 0)
				problems.push(`${file(lesson)}: a strategy lesson needs tryThisWeek`);
		}
	}
	const withPractice = (module: string) =>
		catalog.lessons.some((l) => l.moduleSlug === module && dialoguesOf(l).length > 0);
	if (!withPractice(catalog.modules[0].slug))
		problems.push(`lessons/: the first module needs a practice conversation`);
	if (!withPractice('why-they-cant-hear-you') && !withPractice('holding-space-and-real-change'))
		problems.push('lessons/: module 2 or 4 needs a practice conversation');
	const total = catalog.lessons.reduce((n, l) => n + dialoguesOf(l).length, 0);
	if (total < 9)
		problems.push(`lessons/: ${total} practice conversations; the course promises nine or more`);
	return problems;
}
