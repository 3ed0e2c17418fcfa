import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, ReflectionDraft, type SaveOutcome } from './reflection-draft.svelte';

/** A stand-in server that keeps one reflection, refusing saves from a stale revision as the real one does. */
function server(initial = { body: '', revision: 0 }) {
	const stored = { ...initial };
	const sent: { body: string; base: number }[] = [];
	const send = vi.fn(async (body: string, base: number): Promise<SaveOutcome> => {
		sent.push({ body, base });
		if (base !== stored.revision) return { type: 'conflict', theirs: { ...stored } };
		stored.body = body;
		stored.revision += 1;
		return { type: 'saved', revision: stored.revision, complete: false };
	});
	return { stored, sent, send };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a reflection being written', () => {
	it('saves a pause after typing stops, once, and says so', async () => {
		const s = server();
		const draft = new ReflectionDraft({ body: '', revision: 0 }, undefined, s.send);
		expect(draft.statusText).toBe('');
		draft.text = 'First thoughts';
		draft.schedule();
		draft.text = 'First thoughts, and more';
		draft.schedule();
		expect(draft.statusText).toBe('Unsaved changes');
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
		expect(s.sent).toEqual([{ body: 'First thoughts, and more', base: 0 }]);
		expect(draft.statusText).toBe('Saved');
		expect(draft.base).toBe(1);
	});

	it('saves again what was typed while a save was under way', async () => {
		const s = server();
		let finish!: () => void;
		const slow = async (body: string, base: number) => {
			await new Promise<void>((resolve) => (finish = resolve));
			return s.send(body, base);
		};
		const draft = new ReflectionDraft({ body: '', revision: 0 }, undefined, slow);
		draft.text = 'one';
		const saving = draft.save();
		expect(draft.statusText).toBe('Saving…');
		draft.text = 'one two';
		finish();
		await saving;
		expect(draft.statusText).toBe('Unsaved changes');
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
		finish();
		await vi.runAllTimersAsync();
		expect(s.stored).toEqual({ body: 'one two', revision: 2 });
	});

	it('a save asked for while one is under way waits for it, then saves what was typed since', async () => {
		const s = server();
		const releases: (() => void)[] = [];
		const slow = async (body: string, base: number) => {
			await new Promise<void>((resolve) => releases.push(resolve));
			return s.send(body, base);
		};
		const draft = new ReflectionDraft({ body: '', revision: 0 }, undefined, slow);
		draft.text = 'typed';
		const blurred = draft.save();
		draft.text = 'typed, then Next';
		let left = false;
		const leaving = draft.save().then(() => (left = true));
		releases.shift()!();
		await blurred;
		expect(left).toBe(false);
		await vi.waitFor(() => expect(releases).toHaveLength(1));
		releases.shift()!();
		await leaving;
		expect(s.stored).toEqual({ body: 'typed, then Next', revision: 2 });
		expect(draft.dirty).toBe(false);
	});

	it('keeps the text when a save fails, and says why', async () => {
		const draft = new ReflectionDraft({ body: 'kept', revision: 3 }, undefined, async () => {
			throw new Error('offline');
		});
		draft.text = 'kept, and new words';
		await draft.save();
		expect(draft.text).toBe('kept, and new words');
		expect(draft.statusText).toMatch(/^Not saved: no connection/);
	});
});

describe('two devices, one reflection', () => {
	async function conflicted() {
		const s = server({ body: 'from the phone', revision: 2 });
		const draft = new ReflectionDraft({ body: 'older', revision: 1 }, undefined, s.send);
		draft.text = 'from the laptop';
		await draft.save();
		return { s, draft };
	}

	it('holds both versions and saves nothing until the learner chooses', async () => {
		const { s, draft } = await conflicted();
		expect(draft.theirs).toEqual({ body: 'from the phone', revision: 2 });
		expect(draft.text).toBe('from the laptop');
		expect(draft.statusText).toBe('Not saved yet: choose a version above.');
		draft.schedule();
		await vi.runAllTimersAsync();
		expect(s.stored.body).toBe('from the phone');
	});

	it('keeps this device’s version by saving it over the other', async () => {
		const { s, draft } = await conflicted();
		await draft.keepMine();
		expect(s.stored).toEqual({ body: 'from the laptop', revision: 3 });
		expect(draft.theirs).toBeNull();
	});

	it('keeps the other device’s version without a save', async () => {
		const { s, draft } = await conflicted();
		draft.keepTheirs();
		expect(draft.text).toBe('from the phone');
		expect(draft.statusText).toBe('Saved');
		expect(s.sent).toHaveLength(1);
	});

	it('merges by hand: both texts in the box, each labelled, saved over the other once edited', async () => {
		const { s, draft } = await conflicted();
		draft.mergeByHand();
		expect(draft.text).toBe(
			'From this device:\nfrom the laptop\n\nFrom your other device:\nfrom the phone'
		);
		expect(draft.statusText).toBe('Unsaved changes');
		draft.text = 'from both';
		await draft.save();
		expect(s.stored).toEqual({ body: 'from both', revision: 3 });
	});
});

describe('what a refused form post handed back (without JavaScript)', () => {
	it('shows the learner’s text and the other version to choose from', () => {
		const draft = new ReflectionDraft(
			{ body: 'stored', revision: 2 },
			{
				body: 'mine',
				baseRevision: 1,
				theirs: { body: 'stored', revision: 2 },
				message: 'changed'
			},
			vi.fn()
		);
		expect(draft.text).toBe('mine');
		expect(draft.theirs).toEqual({ body: 'stored', revision: 2 });
	});

	it('says so when both versions were put in the box', () => {
		const draft = new ReflectionDraft(
			{ body: 'stored', revision: 2 },
			{ body: 'both', baseRevision: 2, merged: true, message: 'Both versions are in the box.' },
			vi.fn()
		);
		expect(draft.statusText).toBe('Both versions are in the box.');
		expect(draft.status).toBe('idle');
	});

	it('shows why a save was refused, keeping the text', () => {
		const draft = new ReflectionDraft(
			{ body: '', revision: 0 },
			{ body: 'far too long', baseRevision: 0, message: 'Shorten it to save.' },
			vi.fn()
		);
		expect(draft.statusText).toBe('Not saved: Shorten it to save.');
		expect(draft.text).toBe('far too long');
	});
});
