import { describe, expect, it } from 'vitest';
import { quizBalance } from './quiz-balance.js';

type Option = { id: string; text: string; correct?: boolean; feedback: string };
let n = 0;
const option = (
	text: string,
	correct = false,
	feedback = `Feedback ${++n} about this choice.`
): Option => ({ id: `o${++n}`, text, feedback, ...(correct ? { correct } : {}) });
type Question = { kind: 'single' | 'multiple'; id: string; question: string; options: Option[] };
const single = (options: Option[]): Question => ({
	kind: 'single',
	id: `q${++n}`,
	question: 'Which?',
	options
});
const multiple = (options: Option[]): Question => ({
	kind: 'multiple',
	id: `q${++n}`,
	question: 'Which?',
	options
});
const course = (questions: Question[]) => [{ file: 'lessons/01/01-x.svx', questions }];

/** Four options of equal length; the right one at `at`, feedback openings varied. */
function fair(
	at: number,
	words = ['Right', 'Good', 'Fine', 'Sound', 'Apt', 'True', 'Well', 'Quite']
) {
	return single(
		[0, 1, 2, 3].map((i) =>
			option(
				`choice number ${i} here`,
				i === at,
				`${words[(n + i) % words.length]}: because of this.`
			)
		)
	);
}

describe('the quiz balance check', () => {
	it('passes a course whose answers give nothing away', () => {
		const questions = [0, 1, 2, 3, 0, 1, 2, 3].map((at) => fair(at));
		questions.push(
			multiple([
				option('one of these here', true),
				option('two of these here'),
				option('last of these here', true)
			])
		);
		expect(quizBalance(course(questions)).failures).toEqual([]);
	});

	it('fails when the right option is the longest, naming the worst questions', () => {
		const questions = [0, 1, 2, 3].map((at) =>
			single(
				[0, 1, 2, 3].map((i) =>
					option(
						i === at ? 'a much longer and more careful right answer' : 'short one',
						i === at,
						`Opening${i} yes.`
					)
				)
			)
		);
		const { failures, worst } = quizBalance(course(questions));
		expect(failures.join('\n')).toMatch(/right option is the longest/);
		expect(failures.join('\n')).toMatch(/right option length over the mean wrong length/);
		expect(worst[0]).toMatch(/^lessons\/01\/01-x\.svx: q\d+: right option is the longest/);
	});

	it('fails when one position holds too many answers', () => {
		const { failures } = quizBalance(course([1, 1, 1, 2, 0].map((at) => fair(at))));
		expect(failures.join('\n')).toMatch(/at one position/);
	});

	it('fails when multi-select questions keep their last option wrong', () => {
		const questions = [0, 1, 2, 3].map((at) => fair(at));
		for (let i = 0; i < 4; i++)
			questions.push(
				multiple([
					option('first of these', true),
					option('second of these', true),
					option('third of these')
				])
			);
		expect(quizBalance(course(questions)).failures.join('\n')).toMatch(/last option is wrong/);
	});

	it('fails when absolute words mark the wrong options', () => {
		const questions = [0, 1, 2, 3].map((at) =>
			single(
				[0, 1, 2, 3].map((i) =>
					option(
						i === at ? 'it can help at times' : 'it never works at all',
						i === at,
						`Word${i} here.`
					)
				)
			)
		);
		expect(quizBalance(course(questions)).failures.join('\n')).toMatch(/absolute words/);
	});

	it('fails when every right-answer feedback opens the same way', () => {
		const questions = [0, 1, 2, 3].map((at) => fair(at, ['Yes']));
		expect(quizBalance(course(questions)).failures.join('\n')).toMatch(/opening with "yes"/);
	});
});
