/** What the browser is told about a lesson: no correct flags, no feedback until an answer is checked. */

import type { DialogueText, ExerciseText } from './public-text.js';

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

/** One thing the learner said in a practice conversation, with what came back: only for choices made. */
export interface PracticeStep {
	turn: string;
	choice: string;
	reply: string;
	coach: string;
}

/** Where the learner is in a practice conversation's current run. */
export interface PracticeState {
	/** Which play this is (1, 2 …): forms send it back, so a page left open on a run since restarted is refused. */
	run: number;
	steps: PracticeStep[];
	/** The turn waiting for a choice; null once an ending is reached. */
	turn: string | null;
	ending: { text: string } | null;
	/** An ending was reached in some run: the conversation counts toward the lesson. */
	finished: boolean;
}

export type DialogueView = DialogueText & { practice: PracticeState };

export type ExerciseView = QuestionView | ReflectionView | DialogueView;

/** The learner's side of each exercise, by id: all a lesson page's data says about its exercises. */
export type ExerciseStates = Record<
	string,
	QuestionState | { body: string; revision: number } | { practice: PracticeState }
>;

/**
 * Anchors inside a practice conversation: the section is the exercise id; each step taken and the
 * turn waiting have their own, so a plain form post lands on what just happened.
 */
export const practiceStepId = (exerciseId: string, step: number) => `${exerciseId}-step-${step}`;
export const practiceTurnId = (exerciseId: string) => `${exerciseId}-turn`;
export const practiceEndingId = (exerciseId: string) => `${exerciseId}-ending`;

/** The longest answer to "How did it go?", in characters: the textarea's maxlength and the server's check. */
export const TRY_IT_OUTCOME_MAX = 2000;

/** A thing the learner picked to try, old enough to ask "How did it go?" about. */
export interface FollowUpView {
	/** The pick's key: when it was chosen, in ms. */
	pick: number;
	lessonTitle: string;
	lessonHref: string;
	item: string;
}

/** What the "How did it go?" form hands back: the learner's text on a refusal, or what was done. */
export interface ReturnedFollowUp {
	message?: string;
	outcome?: string;
	done?: 'saved' | 'dismissed';
}

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
