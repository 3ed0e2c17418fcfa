import { describe, expect, it } from 'vitest';
import { buildCatalog, FRONTMATTER } from './catalog';
import { publicFrontmatter } from './public-text.js';
import { readCourseFiles } from './read-files';

const files = readCourseFiles(process.cwd());
const catalog = buildCatalog(files);
const frontmatter = (file: string) => FRONTMATTER.exec(files.lessons[file])![1];

describe('what a compiled lesson tells the browser', () => {
	it.each(catalog.lessons.map((l) => [l.file, l] as const))(
		'%s: every exercise in order, as the server reads it, with no answer',
		(file, lesson) => {
			const { exercises, tryThisWeek, sources } = publicFrontmatter(
				frontmatter(file),
				files.sources as Record<string, { title: string }>
			);
			expect(exercises).toEqual(
				lesson.exercises.map((ex) =>
					ex.kind === 'reflection'
						? { kind: ex.kind, id: ex.id, prompt: ex.prompt, ...(ex.hint ? { hint: ex.hint } : {}) }
						: ex.kind === 'dialogue'
							? {
									kind: ex.kind,
									id: ex.id,
									title: ex.title,
									...(ex.scene ? { scene: ex.scene } : {}),
									turns: ex.turns.map((t) => ({
										id: t.id,
										...(t.partner ? { partner: t.partner } : {}),
										choices: t.choices.map((c) => ({ id: c.id, say: c.say }))
									}))
								}
							: ex.kind === 'match'
								? {
										kind: ex.kind,
										id: ex.id,
										question: ex.question,
										choices: ex.choices.map((c) => ({ id: c.id, text: c.text })),
										items: ex.items.map((i) => ({ id: i.id, text: i.text }))
									}
								: ex.kind === 'order'
									? {
											kind: ex.kind,
											id: ex.id,
											question: ex.question,
											steps: ex.steps
												.map((st) => ({ id: st.id, text: st.text }))
												.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
										}
									: {
											kind: ex.kind,
											id: ex.id,
											question: ex.question,
											options: ex.options.map((o) => ({ id: o.id, text: o.text }))
										}
				)
			);
			expect(tryThisWeek).toEqual(lesson.tryThisWeek ?? []);
			// The sources the server cites, in order: the page shows them from the lesson's chunk.
			expect(sources).toEqual(lesson.sources);
			expect(sources.length).toBeGreaterThan(0);
			expect(JSON.stringify(exercises)).not.toMatch(
				/"(correct|feedback|explanation|reply|coach|next|end|endings)"/
			);
		}
	);

	it('drops answer fields even when a lesson is malformed', () => {
		const { exercises } = publicFrontmatter(
			'exercises:\n  - kind: single\n    id: q\n    question: " Q "\n    explanation: why\n    options:\n      - { id: a, text: A, correct: true, feedback: yes }\n'
		);
		expect(exercises).toEqual([
			{ kind: 'single', id: 'q', question: 'Q', options: [{ id: 'a', text: 'A' }] }
		]);
		const practice = publicFrontmatter(
			'exercises:\n  - kind: dialogue\n    id: d\n    title: T\n    start: t\n    turns:\n      - id: t\n        partner: Hi\n        choices:\n          - { id: a, say: A, reply: R, coach: C, end: e }\n    endings:\n      - { id: e, outcome: closed, text: Done }\n'
		).exercises;
		expect(practice).toEqual([
			{
				kind: 'dialogue',
				id: 'd',
				title: 'T',
				turns: [{ id: 't', partner: 'Hi', choices: [{ id: 'a', say: 'A' }] }]
			}
		]);
	});
});
