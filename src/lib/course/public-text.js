import { parse } from 'yaml';

/**
 * @typedef {{ kind: 'single' | 'multiple' | 'line', id: string, question: string, options: { id: string, text: string }[] }} QuestionText
 * @typedef {{ kind: 'match', id: string, question: string, choices: { id: string, text: string }[], items: { id: string, text: string }[] }} MatchText
 * @typedef {{ kind: 'order', id: string, question: string, steps: { id: string, text: string }[] }} OrderText
 * @typedef {{ kind: 'reflection', id: string, prompt: string, hint?: string }} ReflectionText
 * @typedef {{ id: string, partner?: string, choices: { id: string, say: string }[] }} TurnText
 * @typedef {{ kind: 'dialogue', id: string, title: string, scene?: string, turns: TurnText[] }} DialogueText
 * @typedef {QuestionText | MatchText | OrderText | ReflectionText | DialogueText} ExerciseText
 * @typedef {{ title: string, url?: string, note?: string }} SourceText
 */

/** @param {unknown} value */
const text = (value) => String(value ?? '').trim();

/**
 * What a lesson's exercises ask, without what answers them: no `correct` flag, feedback or
 * explanation, and of a practice conversation only what the learner could say (the partner's
 * replies, the coaching and where each choice leads stay on the server). mdsvex compiles this into the lesson's own chunk (svelte.config.js), so the words
 * of a lesson travel once, cacheably, and each page load sends only the learner's own state.
 * Plain JS: svelte.config.js imports it. The catalog validates the same frontmatter at build time.
 *
 * The lesson's sources travel the same way, resolved from lessons/sources.json: they are the same
 * for every learner, so they belong in the cached chunk, not in every step's data.
 *
 * @param {string} frontmatter the YAML between the lesson's --- lines
 * @param {Record<string, SourceText>} [sources] lessons/sources.json (keys the catalog checks at build)
 * @returns {{ exercises: ExerciseText[], tryThisWeek: { id: string, text: string }[], sources: SourceText[] }}
 */
export function publicFrontmatter(frontmatter, sources = {}) {
	const data = parse(frontmatter) ?? {};
	return {
		exercises: list(data.exercises).map(publicExercise),
		tryThisWeek: list(data.tryThisWeek).map((t) => ({ id: text(t.id), text: text(t.text) })),
		sources: list(data.sources).flatMap((key) => (sources[key] ? [sources[key]] : []))
	};
}

/**
 * @param {unknown} value
 * @returns {any[]}
 */
const list = (value) => (Array.isArray(value) ? value : []);

/**
 * @param {any} ex
 * @returns {ExerciseText}
 */
function publicExercise(ex) {
	if (ex.kind === 'reflection')
		return {
			kind: 'reflection',
			id: text(ex.id),
			prompt: text(ex.prompt),
			...(ex.hint ? { hint: text(ex.hint) } : {})
		};
	if (ex.kind === 'dialogue') {
		return {
			kind: 'dialogue',
			id: text(ex.id),
			title: text(ex.title),
			...(ex.scene ? { scene: text(ex.scene) } : {}),
			turns: list(ex.turns).map((t) => ({
				id: text(t.id),
				...(t.partner ? { partner: text(t.partner) } : {}),
				choices: list(t.choices).map((c) => ({ id: text(c.id), say: text(c.say) }))
			}))
		};
	}
	if (ex.kind === 'match') {
		return {
			kind: 'match',
			id: text(ex.id),
			question: text(ex.question),
			choices: list(ex.choices).map((c) => ({ id: text(c.id), text: text(c.text) })),
			items: list(ex.items).map((i) => ({ id: text(i.id), text: text(i.text) }))
		};
	}
	if (ex.kind === 'order') {
		// The file lists the steps in their right order, which is the answer: the browser gets them
		// sorted by id, and each learner sees them in an order of their own (as options are).
		const steps = list(ex.steps).map((st) => ({ id: text(st.id), text: text(st.text) }));
		return {
			kind: 'order',
			id: text(ex.id),
			question: text(ex.question),
			steps: steps.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		};
	}
	return {
		kind: ex.kind,
		id: text(ex.id),
		question: text(ex.question),
		options: list(ex.options).map((o) => ({ id: text(o.id), text: text(o.text) }))
	};
}
