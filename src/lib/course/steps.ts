import type { Lesson } from './catalog';

/**
 * A lesson as a walk of short steps, one per screen: its reading part by part, then its
 * questions, practice conversations and reflections, then a finishing step that closes with the
 * lesson's summary ("In short") when it has one.
 */
export type Step =
	| { kind: 'reading'; title: string; part: number }
	| { kind: 'question' | 'practice' | 'reflection'; title: string; exerciseId: string }
	| { kind: 'finish'; title: string; summaryPart: number | null };

const SUMMARY = /^in short$/i;

export function lessonSteps(lesson: Pick<Lesson, 'title' | 'parts' | 'exercises'>): Step[] {
	const last = lesson.parts.length - 1;
	const closing = lesson.parts[last];
	const summaryPart =
		closing && !closing.continued && closing.title && SUMMARY.test(closing.title) ? last : null;

	const reading = lesson.parts.flatMap((p, part): Step[] =>
		part === summaryPart
			? []
			: [
					{
						kind: 'reading',
						part,
						title:
							p.title === null ? lesson.title : p.continued ? `${p.title} (continued)` : p.title
					}
				]
	);
	const questions = lesson.exercises.filter((e) => e.kind === 'single' || e.kind === 'multiple');
	const reflections = lesson.exercises.filter((e) => e.kind === 'reflection');
	const numbered = (n: number, of: number, what: string) =>
		of > 1 ? `${what} ${n} of ${of}` : what;
	return [
		...reading,
		...questions.map((q, i): Step => ({
			kind: 'question',
			exerciseId: q.id,
			title: numbered(i + 1, questions.length, 'Question')
		})),
		...lesson.exercises.flatMap((e): Step[] =>
			e.kind === 'dialogue'
				? [{ kind: 'practice', exerciseId: e.id, title: `Practice: ${e.title}` }]
				: []
		),
		...reflections.map((r, i): Step => ({
			kind: 'reflection',
			exerciseId: r.id,
			title: numbered(i + 1, reflections.length, 'Reflect')
		})),
		{ kind: 'finish', title: 'The end of this lesson', summaryPart }
	];
}
