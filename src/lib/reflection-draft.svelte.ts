import { mergedText, type ReturnedReflection } from './course/view';

/** What the server said to one save. */
export type SaveOutcome =
	| { type: 'saved'; revision: number; complete: boolean }
	/** Another device saved since this text was started: nothing was written. */
	| { type: 'conflict'; theirs: { body: string; revision: number } }
	| { type: 'failed'; message: string };

/** Sends one save; the component does it with fetch, tests with a stand-in server. */
export type Send = (body: string, baseRevision: number) => Promise<SaveOutcome>;

export const AUTOSAVE_DELAY_MS = 1200;

/**
 * A reflection being written: the text, what the server last stored, and the revision the text
 * started from (the server refuses to save over a newer one). Saves one at a time; a refused save
 * keeps the text and, on a conflict, both versions until the learner chooses. Nothing typed is
 * ever replaced without the learner's say.
 */
export class ReflectionDraft {
	text = $state('');
	/** What the server holds of this text; null when the box holds something never saved as is. */
	savedText = $state<string | null>('');
	/** The revision this text was started from. */
	base = $state(0);
	/** The other device's version, while the learner chooses. */
	theirs = $state<{ body: string; revision: number } | null>(null);
	status = $state<'idle' | 'saving' | 'saved' | 'failed'>('idle');
	message = $state('');
	/** Both versions were put in the box (without JavaScript, by the server): a note, not an error. */
	#mergedNote: string | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#send: Send;
	#onComplete: () => void;

	constructor(
		saved: { body: string; revision: number },
		returned: ReturnedReflection | undefined,
		send: Send,
		onComplete = () => {}
	) {
		this.#send = send;
		this.#onComplete = onComplete;
		this.text = returned?.body ?? saved.body;
		this.savedText = returned?.body === undefined ? saved.body : null;
		this.base = returned?.baseRevision ?? saved.revision;
		this.theirs = returned?.theirs ?? null;
		if (returned?.merged) this.#mergedNote = returned.message ?? null;
		else if (returned?.message && !returned.theirs) {
			this.status = 'failed';
			this.message = returned.message;
		}
	}

	get dirty() {
		return this.text !== this.savedText;
	}

	/** One line under the box that says where the text stands. */
	get statusText(): string {
		if (this.theirs) return 'Not saved yet: choose a version above.';
		if (this.status === 'saving') return 'Saving…';
		if (this.status === 'failed') return `Not saved: ${this.message}`;
		if (this.dirty) return this.#mergedNote ?? 'Unsaved changes';
		return this.status === 'saved' || this.savedText ? 'Saved' : '';
	}

	/** Saves after a pause in typing. */
	schedule() {
		clearTimeout(this.#timer);
		if (!this.theirs) this.#timer = setTimeout(() => this.save(), AUTOSAVE_DELAY_MS);
	}

	cancel() {
		clearTimeout(this.#timer);
	}

	/**
	 * Saves the text if it changed. A save already under way is waited for (the learner leaving
	 * the step must not go before it lands), then anything typed since is saved too.
	 */
	async save(): Promise<void> {
		this.cancel();
		if (this.#inFlight) {
			await this.#inFlight;
			return this.status === 'saved' ? this.save() : undefined;
		}
		if (!this.dirty || this.theirs) return;
		this.#inFlight = this.#sendText();
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
	}

	async #sendText() {
		const sent = this.text;
		this.status = 'saving';
		let outcome: SaveOutcome;
		try {
			outcome = await this.#send(sent, this.base);
		} catch {
			outcome = {
				type: 'failed',
				message:
					'no connection. Your text is still here; it will be saved when you type again or press Save.'
			};
		}
		if (outcome.type === 'saved') {
			this.savedText = sent;
			this.base = outcome.revision;
			this.status = 'saved';
			this.#mergedNote = null;
			if (outcome.complete) this.#onComplete();
			// The learner kept typing while this save was under way.
			if (this.text !== sent) this.schedule();
		} else if (outcome.type === 'conflict') {
			this.theirs = outcome.theirs;
			this.status = 'idle';
		} else {
			this.status = 'failed';
			this.message = outcome.message;
		}
	}

	/** This device's text wins: saved over the other version. */
	keepMine() {
		if (!this.theirs) return;
		this.base = this.theirs.revision;
		this.theirs = null;
		this.savedText = null;
		return this.save();
	}

	/** The other device's text wins: it is what the server already holds. */
	keepTheirs() {
		if (!this.theirs) return;
		this.text = this.savedText = this.theirs.body;
		this.base = this.theirs.revision;
		this.theirs = null;
		this.status = 'saved';
	}

	/** Both versions in the box, labelled, for the learner to edit into one and save. */
	mergeByHand() {
		if (!this.theirs) return;
		this.text = mergedText(this.text, this.theirs.body);
		this.base = this.theirs.revision;
		this.theirs = null;
		this.savedText = null;
	}
}
