import { lessonHref, type Catalog, type Lesson } from '$lib/course/catalog';
import type { ExerciseStates, LessonLink, LessonState } from '$lib/course/view';
import { practiceState } from './practice';
import type { CourseOverview, LessonWork } from './progress';

function link(lesson: Lesson | undefined): LessonLink | null {
	return lesson ? { href: lessonHref(lesson), title: lesson.title } : null;
}

/** The learner's state of each exercise: feedback, replies and coaching only for what they chose. */
export function exerciseStates(lesson: Lesson, work: LessonWork): ExerciseStates {
	return Object.fromEntries(
		lesson.exercises.map((ex) => {
			if (ex.kind === 'dialogue') return [ex.id, { practice: practiceState(ex, work.dialogues.get(ex.id) ?? []) }];
			if (ex.kind === 'reflection') {
				const saved = work.reflections.get(ex.id);
				return [ex.id, { body: saved?.body ?? '', revision: saved?.revision ?? 0 }];
			}
			const progress = work.questions.get(ex.id);
			const result = progress
				? {
						correct: progress.lastCorrect,
						choice: progress.lastChoice,
						feedback: ex.options.filter((o) => progress.lastChoice.includes(o.id)).map((o) => ({ optionId: o.id, text: o.feedback })),
						// The explanation names the right answer: shown once the learner has found it.
						explanation: progress.done ? ex.explanation : '',
						done: progress.done,
						attempts: progress.attempts
					}
				: null;
			return [ex.id, { result }];
		})
	);
}

/** @param tryItChosen the thing to try picked on this lesson and not yet followed up (try-it.ts `openPick`) */
export function lessonPage(catalog: Catalog, lesson: Lesson, overview: CourseOverview, work: LessonWork, tryItChosen: string | null = null) {
	const module = catalog.modules.find((m) => m.slug === lesson.moduleSlug)!;
	const next = catalog.lessons[lesson.index + 1];
	const state: LessonState = overview.states.get(lesson.id)!.state;
	const nextState = next && overview.states.get(next.id)!.state;
	return {
		lesson: {
			file: lesson.file,
			title: lesson.title,
			minutes: lesson.minutes,
			sources: lesson.sources,
			moduleTitle: module.title,
			position: module.lessons.indexOf(lesson) + 1,
			moduleLength: module.lessons.length
		},
		complete: state === 'complete',
		tryItChosen,
		exerciseStates: exerciseStates(lesson, work),
		outline: module.lessons.map((l) => {
			const state = overview.states.get(l.id)!.state;
			return { title: l.title, href: state === 'locked' ? null : lessonHref(l), state, current: l === lesson };
		}),
		previous: link(catalog.lessons[lesson.index - 1]),
		next: nextState && nextState !== 'locked' ? link(next) : null,
		nextLocked: nextState === 'locked' ? link(next) : null
	};
}

export function courseMap(catalog: Catalog, overview: CourseOverview) {
	return {
		modules: catalog.modules.map((m) => ({
			slug: m.slug,
			title: m.title,
			summary: m.summary,
			completed: m.lessons.filter((l) => overview.states.get(l.id)!.state === 'complete').length,
			lessons: m.lessons.map((l) => {
				const { state, blockedBy } = overview.states.get(l.id)!;
				return { ...link(l)!, summary: l.summary, minutes: l.minutes, state, blockedBy: blockedBy?.title ?? null };
			})
		})),
		completed: overview.completed,
		total: overview.total,
		completedThisWeek: overview.completedThisWeek,
		continueTo: link(overview.continueTo ?? undefined)
	};
}
