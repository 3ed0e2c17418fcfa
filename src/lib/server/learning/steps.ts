import type { Lesson } from '$lib/course/catalog';
import { lessonSteps, type Step } from '$lib/course/steps';
import { practiceFinished, type LessonWork } from './progress';

const stepsByLesson = new WeakMap<Lesson, Step[]>();

/** A lesson's steps, worked out once per lesson. */
export function stepsOf(lesson: Lesson): Step[] {
	let steps = stepsByLesson.get(lesson);
	if (!steps) stepsByLesson.set(lesson, (steps = lessonSteps(lesson)));
	return steps;
}

/** Whether the learner has done what a step asks: reading and the finishing step ask nothing. */
export function stepDone(step: Step, work: LessonWork): boolean {
	switch (step.kind) {
		case 'question':
			return Boolean(work.questions.get(step.exerciseId)?.done);
		case 'reflection':
			return Boolean(work.reflections.get(step.exerciseId)?.body.trim());
		case 'practice':
			return practiceFinished(work, step.exerciseId);
		default:
			return true;
	}
}

/**
 * Where a learner picks a lesson up (numbered from 1): its start if they have not opened it or
 * have finished it; the reading step they were on if they stopped while reading; otherwise the
 * first step still to do (an unanswered question, an empty reflection, an unfinished practice),
 * or its finishing step when nothing is left — never the top of a half-done lesson.
 */
export function resumeStep(
	steps: Step[],
	work: LessonWork,
	lastStep: number | undefined,
	complete: boolean
): number {
	if (lastStep === undefined || complete) return 1;
	const last = Math.min(Math.max(1, lastStep), steps.length);
	const firstToDo =
		steps.findIndex((s) => s.kind !== 'reading' && !stepDone(s, work)) + 1 || steps.length;
	return steps[last - 1].kind === 'reading' && last < firstToDo ? last : firstToDo;
}
