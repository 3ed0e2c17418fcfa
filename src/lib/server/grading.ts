import type { Question } from '$lib/course/schema';

export type Grade = { ok: true; correct: boolean; choice: string[] } | { ok: false; message: string };

/** Grades a learner's chosen option ids against the lesson's frontmatter. */
export function gradeAnswer(question: Question, chosen: string[]): Grade {
	const choice = [...new Set(chosen)];
	if (choice.length === 0) return { ok: false, message: 'Choose an answer first.' };
	if (question.kind === 'single' && choice.length > 1) return { ok: false, message: 'Choose one answer.' };
	const known = new Set(question.options.map((o) => o.id));
	if (choice.some((id) => !known.has(id))) return { ok: false, message: 'That answer is not one of the options.' };

	const right = question.options.filter((o) => o.correct).map((o) => o.id);
	const correct = right.length === choice.length && right.every((id) => choice.includes(id));
	// Stored in the question's own option order, so equal answers compare equal.
	return { ok: true, correct, choice: question.options.map((o) => o.id).filter((id) => choice.includes(id)) };
}
