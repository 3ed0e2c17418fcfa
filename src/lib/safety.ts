/** Where the safety net points, shared by pages, the server and the tests: change a place here once. */

/** The quick safety check: offered once after sign-up, open to anyone at any time. */
export const SAFETY_CHECK_PATH = '/safety-check';

/**
 * Where a signed-in learner goes on from the safety check ("Not now", all "No", or on from the
 * help-first screen): the first check-in, which is never required and leads on to the course.
 */
export const SAFETY_CHECK_NEXT = '/check-in';

/** The way on for a visitor who is not signed in: the course's front page, which says what it is. */
export const SAFETY_CHECK_NEXT_SIGNED_OUT = '/';

/** The lesson on silence used to punish or control (open to every learner from the start). */
export const SAFETY_LESSON_HREF = '/learn/safety-and-your-plan/when-silence-becomes-abuse';

/** The part of /help on keeping what you read and write here from others' eyes. */
export const SAFER_BROWSING_HREF = '/help#browsing-safely';

/**
 * The safety check's questions, answered Yes or No. The answers are never stored, logged or put
 * in a URL: only that the check was offered is kept.
 */
export const SAFETY_QUESTIONS = [
	{ id: 'afraid', text: 'Are you ever afraid of your partner?' },
	{ id: 'threats', text: 'Has the silence come with threats, put-downs, or checking up on you?' },
	{ id: 'control', text: 'Does your partner control your money, your phone, or who you see?' }
] as const;

export type SafetyQuestionId = (typeof SAFETY_QUESTIONS)[number]['id'];
