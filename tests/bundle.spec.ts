import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalog } from './helpers';

/** Everything the browser can download: the client build `npm run test:e2e` has just made. */
function clientFiles(dir = 'build/client'): string {
	return readdirSync(dir, { withFileTypes: true })
		.map((entry) => (entry.isDirectory() ? clientFiles(join(dir, entry.name)) : /\.(js|json|html)$/.test(entry.name) ? readFileSync(join(dir, entry.name), 'utf8') : ''))
		.join('\n');
}

/** The longest stretch of a text that quoting or escaping in a bundle cannot change. */
const fingerprint = (text: string) => text.split(/["'\\’‘“”\n]/).sort((a, b) => b.length - a.length)[0];

test('the browser bundle holds what exercises ask but never their feedback or explanations', () => {
	const bundle = clientFiles();
	const questions = catalog.lessons.flatMap((l) => l.exercises.flatMap((e) => (e.kind === 'reflection' ? [] : [e])));
	// What the page needs is there (so this search can find text in the bundle) ...
	expect(questions.filter((q) => !bundle.includes(fingerprint(q.question))).map((q) => q.id)).toEqual([]);
	// ... and what answers it is not.
	const answers = questions.flatMap((q) => [q.explanation, ...q.options.map((o) => o.feedback)]);
	expect(answers.filter((a) => bundle.includes(fingerprint(a)))).toEqual([]);
});
