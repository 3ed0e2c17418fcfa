import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@sveltejs/kit';
import { Submission } from './submission.svelte';

type Input = Parameters<Submission['submit']>[0];
type Callback = (opts: {
	result: ActionResult;
	update: (o?: { reset?: boolean }) => Promise<void>;
}) => Promise<void>;

/** Presses the button: SvelteKit calls `submit`, then the callback it returns once the answer arrives. */
function press(sending: Submission) {
	return sending.submit({} as Input) as unknown as Callback;
}

describe('a form being sent', () => {
	it('is pending from the press until the answer is on the page, then runs what comes after', async () => {
		const seen: string[] = [];
		const sending = new Submission({
			reset: false,
			after: (result) => void seen.push(`after ${result.type}, pending ${sending.pending}`)
		});
		expect(sending.pending).toBe(false);
		const arrived = press(sending);
		expect(sending.pending).toBe(true);
		await arrived({
			result: { type: 'success', status: 200 },
			update: async (options) =>
				void seen.push(`update reset ${options?.reset}, pending ${sending.pending}`)
		});
		expect(seen).toEqual(['update reset false, pending true', 'after success, pending false']);
		expect(sending.pending).toBe(false);
	});

	it('resets the form by default, as SvelteKit does', async () => {
		let reset: boolean | undefined;
		await press(new Submission())({
			result: { type: 'failure', status: 400 },
			update: async (o) => void (reset = o?.reset)
		});
		expect(reset).toBe(true);
	});

	it('is no longer pending when applying the answer fails, so the button works again', async () => {
		const sending = new Submission();
		const arrived = press(sending);
		await expect(
			arrived({
				result: { type: 'success', status: 200 },
				update: () => Promise.reject(new Error('lost'))
			})
		).rejects.toThrow('lost');
		expect(sending.pending).toBe(false);
	});
});
