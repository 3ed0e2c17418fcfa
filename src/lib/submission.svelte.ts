import type { ActionResult, SubmitFunction } from '@sveltejs/kit';

interface Options {
	/** Clear the form after a successful answer (SvelteKit's default); off where the page shows what was sent. */
	reset?: boolean;
	/** Runs once the answer is on the page: where focus goes next, for example. */
	after?: (result: ActionResult) => unknown;
}

/**
 * A form's sending state for `use:enhance`: its buttons stay disabled from the press until the
 * answer is on the page, so a second press cannot send the form twice.
 */
export class Submission {
	pending = $state(false);
	#options: Options;

	constructor(options: Options = {}) {
		this.#options = options;
	}

	submit: SubmitFunction = () => {
		this.pending = true;
		return async ({ result, update }) => {
			try {
				await update({ reset: this.#options.reset ?? true });
			} finally {
				this.pending = false;
			}
			await this.#options.after?.(result);
		};
	};
}
