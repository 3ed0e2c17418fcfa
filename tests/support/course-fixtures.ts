import type { CourseFiles } from '../../src/lib/course/catalog';

/** A fixture lesson's exercises unless a test gives its own: one question (`a` is right), one reflection. */
export const sampleExercises = [
	{
		id: 'q1',
		kind: 'single',
		question: 'Which?',
		options: [
			{ id: 'a', text: 'A', correct: true, feedback: 'Yes, A.' },
			{ id: 'b', text: 'B', feedback: 'Not B.' }
		],
		explanation: 'A because.'
	},
	{ id: 'r1', kind: 'reflection', prompt: 'Write something.' }
];

/** Builds a small course's files in memory for tests. */
export function lessonSource(
	overrides: Record<string, unknown> = {},
	body = 'Some prose.'
): string {
	const fm = {
		title: 'A lesson',
		summary: 'What it is about.',
		minutes: 5,
		sources: ['article'],
		exercises: sampleExercises,
		...overrides
	};
	return `---\n${JSON.stringify(fm, null, 2)}\n---\n\n${body}\n`;
}

export function courseFiles(
	lessons: Record<string, string>,
	modules?: Record<string, unknown>
): CourseFiles {
	const dirs = new Set(Object.keys(lessons).map((p) => p.split('/')[2]));
	return {
		lessons,
		modules:
			modules ??
			Object.fromEntries(
				[...dirs].map((d) => [
					`/lessons/${d}/module.json`,
					{ title: `Module ${d}`, summary: 'About it.' }
				])
			),
		sources: { article: { title: 'The article' } }
	};
}
