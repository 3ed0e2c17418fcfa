import { lessonHref, onePageHref, stepHref, type Catalog, type Lesson } from '$lib/course/catalog';
import type { Exercise, Question } from '$lib/course/schema';
import type { Step } from '$lib/course/steps';
import type { ExerciseStates, LessonLink, LessonState, QuestionState } from '$lib/course/view';
import { optionOrder } from './option-order';
import { practiceState } from './practice';
import type { CourseOverview, LessonWork } from './progress';
import { stepDone } from './steps';

function link(lesson: Lesson | undefined): LessonLink | null {
	return lesson ? { href: lessonHref(lesson), title: lesson.title } : null;
}

/**
 * A question as this learner sees it, in a lesson or at review: their order of its options, and
 * for an answer, feedback only for the options chosen.
 */
export function questionState(
	userId: string,
	lessonId: string,
	question: Question,
	answer: { choice: string[]; correct: boolean; done: boolean; attempts: number } | null
): QuestionState {
	return {
		order: optionOrder(
			userId,
			`${lessonId}/${question.id}`,
			question.options.map((o) => o.id)
		),
		result: answer && {
			correct: answer.correct,
			choice: answer.choice,
			feedback: question.options
				.filter((o) => answer.choice.includes(o.id))
				.map((o) => ({ optionId: o.id, text: o.feedback, right: Boolean(o.correct) })),
			rightCount: question.options.filter((o) => o.correct).length,
			// The explanation names the right answer: shown once the learner has found it.
			explanation: answer.done ? question.explanation : '',
			done: answer.done,
			attempts: answer.attempts
		}
	};
}

/** The learner's state of one exercise: feedback, replies and coaching only for what they chose. */
function exerciseState(
	lesson: Lesson,
	ex: Exercise,
	work: LessonWork,
	userId: string
): ExerciseStates[string] {
	if (ex.kind === 'dialogue')
		return { practice: practiceState(ex, work.dialogues.get(ex.id) ?? []) };
	if (ex.kind === 'reflection') {
		const saved = work.reflections.get(ex.id);
		return { body: saved?.body ?? '', revision: saved?.revision ?? 0 };
	}
	// The schema knows the new question kinds before the pages serve them: no lesson uses one yet.
	if (ex.kind !== 'single' && ex.kind !== 'multiple')
		throw new Error(`${ex.kind} questions are not served yet`);
	const progress = work.questions.get(ex.id);
	return questionState(
		userId,
		lesson.id,
		ex,
		progress
			? {
					choice: progress.lastChoice,
					correct: progress.lastCorrect,
					done: progress.done,
					attempts: progress.attempts
				}
			: null
	);
}

export function exerciseStates(
	lesson: Lesson,
	work: LessonWork,
	userId: string,
	only?: string
): ExerciseStates {
	return Object.fromEntries(
		lesson.exercises
			.filter((ex) => !only || ex.id === only)
			.map((ex) => [ex.id, exerciseState(lesson, ex, work, userId)])
	);
}

const moduleOf = (catalog: Catalog, lesson: Lesson) =>
	catalog.modules.find((m) => m.slug === lesson.moduleSlug)!;

/**
 * What every view of a lesson shows about where it sits in the course. Each view adds only what it
 * shows: every byte of a page's data is serialised, sent, hashed and parsed on every request.
 */
function lessonFrame(catalog: Catalog, lesson: Lesson, overview: CourseOverview) {
	const module = moduleOf(catalog, lesson);
	const next = catalog.lessons[lesson.index + 1];
	const nextState = next && overview.states.get(next.id)!.state;
	return {
		lesson: {
			file: lesson.file,
			title: lesson.title,
			minutes: lesson.minutes,
			moduleTitle: module.title,
			position: module.lessons.indexOf(lesson) + 1,
			moduleLength: module.lessons.length,
			onePage: onePageHref(lesson)
		},
		complete: overview.states.get(lesson.id)!.state === 'complete',
		next: nextState && nextState !== 'locked' ? link(next) : null,
		nextLocked: nextState === 'locked' ? link(next) : null
	};
}

/**
 * The whole lesson on one page, with its module's lessons beside it.
 * @param tryItChosen the thing to try picked on this lesson and not yet followed up (try-it.ts `openPick`)
 */
export function lessonPage(
	catalog: Catalog,
	lesson: Lesson,
	overview: CourseOverview,
	work: LessonWork,
	userId: string,
	tryItChosen: string | null
) {
	const frame = lessonFrame(catalog, lesson, overview);
	return {
		...frame,
		lesson: {
			...frame.lesson,
			start: stepHref(lesson, 1),
			reflections: lesson.exercises.filter((e) => e.kind === 'reflection').length
		},
		outline: moduleOf(catalog, lesson).lessons.map((l) => {
			const state: LessonState = overview.states.get(l.id)!.state;
			return {
				title: l.title,
				href: state === 'locked' ? null : lessonHref(l),
				state,
				current: l === lesson
			};
		}),
		previous: link(catalog.lessons[lesson.index - 1]),
		tryItChosen,
		exerciseStates: exerciseStates(lesson, work, userId)
	};
}

/** One step of a lesson: the step, its exercise's state if it has one, and the way back and on. */
export function stepPage(
	catalog: Catalog,
	lesson: Lesson,
	overview: CourseOverview,
	work: LessonWork,
	userId: string,
	steps: Step[],
	number: number,
	tryItChosen: string | null
) {
	const step = steps[number - 1];
	const href = (n: number) => stepHref(lesson, n);
	// What is left to do is listed on the finishing step only.
	const remaining =
		step.kind === 'finish'
			? steps.flatMap((s, i) =>
					s.kind !== 'reading' && s.kind !== 'finish' && !stepDone(s, work)
						? [{ title: s.title, href: href(i + 1) }]
						: []
				)
			: [];
	return {
		...lessonFrame(catalog, lesson, overview),
		step: { ...step, number, total: steps.length },
		// Step addresses (each step's, Back's and Next's) and which step is current are worked out by
		// the page from its URL (+page.ts).
		steps: steps.map((s) => ({
			title: s.title,
			done: s.kind !== 'reading' && s.kind !== 'finish' && stepDone(s, work)
		})),
		exerciseStates:
			'exerciseId' in step ? exerciseStates(lesson, work, userId, step.exerciseId) : {},
		remaining,
		tryItChosen
	};
}

export function courseMap(catalog: Catalog, overview: CourseOverview) {
	const current = overview.continueTo?.moduleSlug;
	return {
		modules: catalog.modules.map((m) => ({
			slug: m.slug,
			title: m.title,
			summary: m.summary,
			completed: m.lessons.filter((l) => overview.states.get(l.id)!.state === 'complete').length,
			// Shown open: where the learner is, and any module they have started; finished and
			// far-off ones fold away so the map stays short.
			open:
				m.slug === current ||
				m.lessons.some((l) => overview.states.get(l.id)!.state === 'in-progress'),
			lessons: m.lessons.map((l) => {
				const { state, blockedBy } = overview.states.get(l.id)!;
				return {
					...link(l)!,
					summary: l.summary,
					minutes: l.minutes,
					state,
					blockedBy: blockedBy?.title ?? null
				};
			})
		})),
		completed: overview.completed,
		total: overview.total,
		completedThisWeek: overview.completedThisWeek,
		continueTo: link(overview.continueTo ?? undefined)
	};
}
