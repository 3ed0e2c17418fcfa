import { parse } from 'yaml';

/**
 * @typedef {{ kind: 'single' | 'multiple', id: string, question: string, options: { id: string, text: string }[] }} QuestionText
 * @typedef {{ kind: 'reflection', id: string, prompt: string, hint?: string }} ReflectionText
 * @typedef {QuestionText | ReflectionText} ExerciseText
 */

/** @param {unknown} value */
const text = (value) => String(value ?? '').trim();

/**
 * What a lesson's exercises ask, without what answers them: no `correct` flag, feedback or
 * explanation. mdsvex compiles this into the lesson's own chunk (svelte.config.js), so the words
 * of a lesson travel once, cacheably, and each page load sends only the learner's own state.
 * Plain JS: svelte.config.js imports it. The catalog validates the same frontmatter at build time.
 *
 * @param {string} frontmatter the YAML between the lesson's --- lines
 * @returns {{ exercises: ExerciseText[] }}
 */
export function publicFrontmatter(frontmatter) {
	const data = parse(frontmatter) ?? {};
	/** @type {any[]} */
	const exercises = Array.isArray(data.exercises) ? data.exercises : [];
	return {
		exercises: exercises.map((ex) =>
			ex.kind === 'reflection'
				? { kind: 'reflection', id: text(ex.id), prompt: text(ex.prompt), ...(ex.hint ? { hint: text(ex.hint) } : {}) }
				: {
						kind: ex.kind,
						id: text(ex.id),
						question: text(ex.question),
						options: (Array.isArray(ex.options) ? ex.options : []).map((/** @type {any} */ o) => ({ id: text(o.id), text: text(o.text) }))
					}
		)
	};
}
