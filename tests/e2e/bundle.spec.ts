import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalog } from '../support/e2e';

/** Everything the browser can download: the client build `npm run test:e2e` has just made. */
function clientFiles(dir = 'build/client'): string {
	return readdirSync(dir, { withFileTypes: true })
		.map((entry) =>
			entry.isDirectory()
				? clientFiles(join(dir, entry.name))
				: /\.(js|json|html)$/.test(entry.name)
					? readFileSync(join(dir, entry.name), 'utf8')
					: ''
		)
		.join('\n');
}

/** The longest stretch of a text that quoting or escaping in a bundle cannot change. */
const fingerprint = (text: string) =>
	text.split(/["'\\’‘“”\n]/).sort((a, b) => b.length - a.length)[0];

test('the browser bundle holds what exercises ask but never their feedback, explanations or replies', () => {
	const bundle = clientFiles();
	const exercises = catalog.lessons.flatMap((l) => l.exercises);
	const questions = exercises.flatMap((e) =>
		e.kind === 'single' || e.kind === 'multiple' ? [e] : []
	);
	const dialogues = exercises.flatMap((e) => (e.kind === 'dialogue' ? [e] : []));
	const choices = dialogues.flatMap((d) => d.turns.flatMap((t) => t.choices));
	// What the page needs is there (so this search can find text in the bundle) ...
	const asked = [...questions.map((q) => q.question), ...choices.map((c) => c.say)];
	expect(asked.filter((text) => !bundle.includes(fingerprint(text)))).toEqual([]);
	// ... and what answers it is not.
	const answers = [
		...questions.flatMap((q) => [q.explanation, ...q.options.map((o) => o.feedback)]),
		...choices.flatMap((c) => [c.reply, c.coach]),
		...dialogues.flatMap((d) => d.endings.map((e) => e.text))
	];
	expect(answers.filter((a) => bundle.includes(fingerprint(a)))).toEqual([]);
});
