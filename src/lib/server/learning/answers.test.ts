import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/course/schema';
import { gradeAnswer } from './answers';

const option = (id: string, correct = false) => ({
	id,
	text: id,
	feedback: `about ${id}`,
	correct
});
const single: Question = {
	kind: 'single',
	id: 's',
	question: 'Q',
	explanation: 'E',
	options: [option('a'), option('b', true), option('c')]
};
const multiple: Question = {
	kind: 'multiple',
	id: 'm',
	question: 'Q',
	explanation: 'E',
	options: [option('a', true), option('b'), option('c', true)]
};

describe('gradeAnswer', () => {
	it('marks the one right option of a single-choice question correct', () => {
		expect(gradeAnswer(single, ['b'])).toEqual({ ok: true, correct: true, choice: ['b'] });
		expect(gradeAnswer(single, ['a'])).toEqual({ ok: true, correct: false, choice: ['a'] });
	});

	it('needs exactly the right set for a multiple-choice question', () => {
		expect(gradeAnswer(multiple, ['c', 'a'])).toEqual({
			ok: true,
			correct: true,
			choice: ['a', 'c']
		});
		expect(gradeAnswer(multiple, ['a'])).toMatchObject({ ok: true, correct: false });
		expect(gradeAnswer(multiple, ['a', 'b', 'c'])).toMatchObject({ ok: true, correct: false });
	});

	it('ignores a repeated option', () => {
		expect(gradeAnswer(single, ['b', 'b'])).toEqual({ ok: true, correct: true, choice: ['b'] });
	});

	it('refuses no choice, several choices for single, and unknown options', () => {
		expect(gradeAnswer(single, [])).toEqual({ ok: false, message: 'Choose an answer first.' });
		expect(gradeAnswer(single, ['a', 'b'])).toEqual({ ok: false, message: 'Choose one answer.' });
		expect(gradeAnswer(multiple, ['a', 'zzz'])).toEqual({
			ok: false,
			message: 'That answer is not one of the options.'
		});
	});
});
