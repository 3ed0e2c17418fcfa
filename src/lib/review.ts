/** What /review shows of a question that comes back: its lesson's words, and feedback only for what was chosen. */

import type { OptionView } from './course/view';

export interface ReviewResult {
	correct: boolean;
	choice: string[];
	/** Feedback for each chosen option, in option order. */
	feedback: { optionId: string; text: string }[];
	/** Names the right answer: only once the learner has found it. */
	explanation: string;
	/** When it comes back, in words ("tomorrow", "in 3 days"), or null once reviewed for good. */
	comesBack: string | null;
}

export interface ReviewItemView {
	lessonId: string;
	exerciseId: string;
	lessonTitle: string;
	lessonHref: string;
	kind: 'single' | 'multiple';
	question: string;
	options: OptionView[];
	/** Answered in this sitting: shown with its feedback instead of a form. */
	result: ReviewResult | null;
}

/** The form field names of a review answer. */
export const REVIEW_FIELDS = ['lesson', 'exercise', 'option'] as const;

/** The id of a question on /review (a lesson's question ids repeat across lessons, so the lesson is in it). */
export function reviewAnchor(lessonId: string, exerciseId: string): string {
	return `${lessonId.replace('/', '--')}--${exerciseId}`;
}
