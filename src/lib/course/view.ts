/** What the browser is told about a lesson: no correct flags, no feedback until an answer is checked. */

import type { ExerciseText } from './public-text.js';

export type LessonState = 'locked' | 'available' | 'in-progress' | 'complete';

/** The longest reflection a learner can save, in characters: the textarea's maxlength and the server's check. */
export const REFLECTION_MAX = 10_000;

/**
 * The id of a reflection's text box, which is also the anchor a saved form returns to. Pages that
 * hold reflections of several lessons (the journal) prefix the lesson.
 */
export function reflectionFieldId(exerciseId: string, lessonId?: string): string {
	return `${lessonId ? `${lessonId.replace('/', '--')}--` : ''}${exerciseId}-text`;
}

export interface OptionView {
	id: string;
	text: string;
}

export interface QuestionResult {
	correct: boolean;
	choice: string[];
	/** Feedback for each chosen option, in option order. */
	feedback: { optionId: string; text: string }[];
	explanation: string;
	done: boolean;
	attempts: number;
}

export interface QuestionView {
	kind: 'single' | 'multiple';
	id: string;
	question: string;
	options: OptionView[];
	result: QuestionResult | null;
}

export interface ReflectionView {
	kind: 'reflection';
	id: string;
	prompt: string;
	hint?: string;
	body: string;
	revision: number;
}

export type ExerciseView = QuestionView | ReflectionView;

/** The learner's side of each exercise, by id: all a lesson page's data says about its exercises. */
export type ExerciseStates = Record<string, { result: QuestionResult | null } | { body: string; revision: number } | Record<string, never>>;

/** Puts the lesson's own words (from its compiled module) together with the learner's state. */
export function exerciseViews(texts: ExerciseText[], states: ExerciseStates): ExerciseView[] {
	return texts.map((text) => ({ ...text, ...states[text.id] }) as ExerciseView);
}

export interface LessonLink {
	href: string;
	title: string;
}

/** What a refused reflection save hands back: the learner's text, and the other version on a conflict. */
export interface ReturnedReflection {
	message?: string;
	body?: string;
	baseRevision?: number;
	theirs?: { body: string; revision: number };
	/** Both versions were put in the box; nothing is wrong, the learner edits and saves. */
	merged?: boolean;
}
