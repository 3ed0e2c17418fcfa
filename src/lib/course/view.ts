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

/** The id of a reflection's form: a step's Next and Back send it, so leaving the step saves the text. */
export function reflectionFormId(exerciseId: string): string {
	return `${reflectionFieldId(exerciseId)}-form`;
}

/** How a merge by hand lays out both versions of a reflection in the box, each under its own label. */
export function mergedText(mine: string, theirs: string): string {
	return `From this device:\n${mine}\n\nFrom your other device:\n${theirs}`;
}

export interface OptionView {
	id: string;
	text: string;
}

export interface QuestionResult {
	correct: boolean;
	choice: string[];
	/** Feedback for each chosen option, and whether that option is a right one. */
	feedback: { optionId: string; text: string; right: boolean }[];
	/** Of a multi-select question: how many right options there are, to say "2 of 3 found". */
	rightCount: number;
	explanation: string;
	done: boolean;
	attempts: number;
}

/** The learner's side of a question: the order its options are shown in, and the last answer. */
export interface QuestionState {
	/** Option ids in the order this learner sees them (the same on every device). */
	order: string[];
	result: QuestionResult | null;
}

export interface QuestionView extends QuestionState {
	kind: 'single' | 'multiple';
	id: string;
	question: string;
	options: OptionView[];
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
export type ExerciseStates = Record<string, QuestionState | { body: string; revision: number } | Record<string, never>>;

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
