import { describe, expect, it } from 'vitest';
import { optionOrder } from './option-order';

const ids = ['a', 'b', 'c', 'd'];

describe('the order of a question’s options', () => {
	it('is the same for a learner every time, and holds every option once', () => {
		const first = optionOrder('learner-1', 'm/l/q1', ids);
		expect(optionOrder('learner-1', 'm/l/q1', ids)).toEqual(first);
		expect([...first].sort()).toEqual(ids);
	});

	it('differs across learners and questions, putting each option first about as often', () => {
		const firsts: Record<string, number> = {};
		for (let n = 0; n < 4000; n++) {
			const first = optionOrder(`learner-${n}`, `m/l/q${n % 7}`, ids)[0];
			firsts[first] = (firsts[first] ?? 0) + 1;
		}
		for (const id of ids) expect(firsts[id]).toBeGreaterThan(800);
	});
});
