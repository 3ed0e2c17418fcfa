// `npm run course:report [-- folder-or-file ...]`: the quiz-balance figures (src/lib/course/quiz-balance.js)
// for the whole course, or for the lessons named, with the questions that give their answer away.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { balanceTable, quizBalance } from '../src/lib/course/quiz-balance.js';

const only = process.argv.slice(2);
const lessons = [];
for (const dir of readdirSync('lessons', { withFileTypes: true }).filter((d) => d.isDirectory())) {
	for (const name of readdirSync(join('lessons', dir.name))
		.filter((n) => n.endsWith('.svx'))
		.sort()) {
		const file = join('lessons', dir.name, name);
		if (only.length && !only.some((o) => file.startsWith(o.replace(/\/$/, '')))) continue;
		const yaml = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
		const exercises = parse(yaml)?.exercises ?? [];
		lessons.push({
			file,
			questions: exercises.filter((e) => e.kind === 'single' || e.kind === 'multiple')
		});
	}
}
const { figures, failures, worst } = quizBalance(lessons);
console.log(
	`${lessons.length} lesson(s), ${figures.questions} questions (${figures.single} single-choice, ${figures.multiple} multi-select)\n`
);
console.log(balanceTable(figures));
console.log(`\nright answers by position (single-choice): ${JSON.stringify(figures.positions)}`);
console.log(`most common opening of right-answer feedback: "${figures.commonOpening}"`);
if (worst.length) console.log(`\nright option longest:\n  ${worst.join('\n  ')}`);
console.log(
	failures.length ? `\nOVER THE LIMIT:\n  ${failures.join('\n  ')}` : '\nWithin every limit.'
);
