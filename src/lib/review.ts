/** What /review shows of a question that comes back: its lesson's words, and feedback only for what was chosen. */

import type { QuestionView } from './course/view';

export interface ReviewItemView {
	lessonId: string;
	exerciseId: string;
	lessonTitle: string;
	lessonHref: string;
	/** As in its lesson: this learner's order of the options, and once answered here, its feedback. */
	question: QuestionView;
	/** Once answered at this sitting: when it comes back, in words ("tomorrow", "in 3 days"), or null when done for good. */
	comesBack: string | null;
}

/** The form field names of a review answer. */
export const REVIEW_FIELDS = ['lesson', 'exercise', 'option'] as const;

/** The id of a question on /review (a lesson's question ids repeat across lessons, so the lesson is in it). */
export function reviewAnchor(lessonId: string, exerciseId: string): string {
	return `${lessonId.replace('/', '--')}--${exerciseId}`;
}
