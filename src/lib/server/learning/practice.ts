import { fail, redirect } from '@sveltejs/kit';
import { and, eq, isNull } from 'drizzle-orm';
import type { Lesson } from '$lib/course/catalog';
import type { Dialogue } from '$lib/course/schema';
import { practiceStepId, type PracticeState } from '$lib/course/view';
import type { Database } from '../db/client';
import { dialogueRuns } from '../db/schema';
import { textField } from '../http/forms';
import { completeIfDone, lessonRuns, type StoredRun } from './progress';

type Turn = Dialogue['turns'][number];
type Choice = Turn['choices'][number];
type Ending = Dialogue['endings'][number];

export interface Walk {
	steps: { turn: Turn; choice: Choice }[];
	/** The turn now waiting for a choice; null once an ending is reached. */
	turn: Turn | null;
	ending: Ending | null;
}

/**
 * Follows a path of choice ids from the start. The path is the only thing stored: where the
 * learner is follows from it. Null when the path no longer fits the conversation (the lesson was
 * rewritten since it was played).
 */
export function walk(dialogue: Dialogue, path: readonly string[]): Walk | null {
	const turns = new Map(dialogue.turns.map((t) => [t.id, t]));
	let turn: Turn | null = turns.get(dialogue.start) ?? null;
	let ending: Ending | null = null;
	const steps: Walk['steps'] = [];
	for (const id of path) {
		const choice = turn?.choices.find((c) => c.id === id);
		if (!turn || !choice) return null;
		steps.push({ turn, choice });
		turn = choice.next ? (turns.get(choice.next) ?? null) : null;
		ending = choice.end ? (dialogue.endings.find((e) => e.id === choice.end) ?? null) : null;
		if (!turn && !ending) return null;
	}
	return { steps, turn, ending };
}

export interface CurrentRun {
	run: number;
	path: string[];
	/** False for a run not written yet: the first play, or a replay of a rewritten conversation. */
	stored: boolean;
	walk: Walk;
}

/** The run the learner is on: the latest one, or a fresh one if there is none or it no longer fits. */
export function currentRun(dialogue: Dialogue, runs: readonly StoredRun[]): CurrentRun {
	const latest = runs.reduce<StoredRun | undefined>(
		(a, r) => (!a || r.run > a.run ? r : a),
		undefined
	);
	const walked = latest && walk(dialogue, latest.path);
	if (latest && walked) return { run: latest.run, path: latest.path, stored: true, walk: walked };
	return { run: (latest?.run ?? 0) + 1, path: [], stored: false, walk: walk(dialogue, [])! };
}

/** What the page shows of a conversation: replies and coaching only for the choices made. */
export function practiceState(dialogue: Dialogue, runs: readonly StoredRun[]): PracticeState {
	const { run, walk } = currentRun(dialogue, runs);
	return {
		run,
		steps: walk.steps.map(({ turn, choice }) => ({
			turn: turn.id,
			choice: choice.id,
			reply: choice.reply,
			coach: choice.coach
		})),
		turn: walk.turn?.id ?? null,
		ending: walk.ending && { text: walk.ending.text },
		finished: runs.some((r) => r.ending !== null)
	};
}

export type PracticeResult =
	| { ok: true; run: number; step: number; ended: boolean; complete: boolean }
	| { ok: false; status: 400 | 404 | 409; message: string };

const refuse = (status: 400 | 404 | 409, message: string): PracticeResult => ({
	ok: false,
	status,
	message
});

function dialogueOf(lesson: Lesson, exerciseId: string): Dialogue | undefined {
	return lesson.exercises.find((e): e is Dialogue => e.kind === 'dialogue' && e.id === exerciseId);
}

async function runsFor(db: Database, userId: string, lesson: Lesson, exerciseId: string) {
	return (await lessonRuns(db, userId, lesson.id)).get(exerciseId) ?? [];
}

/** Why a form sent for run `sent` does not fit the current run, if it does not. */
function staleRun(sent: number, current: CurrentRun): PracticeResult | null {
	if (sent === current.run) return null;
	return sent < current.run
		? refuse(
				409,
				'This conversation was started again, perhaps on another device. Here is where it is now.'
			)
		: refuse(409, 'That run of this conversation has not started. Here is where it is now.');
}

const CHANGED_MEANWHILE =
	'This conversation moved on on another device just now. Here is where it is now.';

/**
 * Says `choice` at `turn` of the current run. The form names the turn it was showing, so a page
 * left open on another device is refused rather than applied to whatever turn the run is at now.
 * Reaching an ending completes the lesson if everything else in it is done.
 */
export async function say(
	db: Database,
	userId: string,
	lesson: Lesson,
	exerciseId: string,
	sent: { run: number; turn: string; choice: string | null },
	now = new Date()
): Promise<PracticeResult> {
	const dialogue = dialogueOf(lesson, exerciseId);
	if (!dialogue) return refuse(404, 'There is no such practice conversation in this lesson.');
	const current = currentRun(dialogue, await runsFor(db, userId, lesson, exerciseId));
	const stale = staleRun(sent.run, current);
	if (stale) return stale;
	const at = current.walk.turn;
	if (!at)
		return refuse(
			409,
			'This conversation is finished. Choose “Try a different way” to play it again.'
		);
	if (at.id !== sent.turn) {
		return dialogue.turns.some((t) => t.id === sent.turn)
			? refuse(
					409,
					'The conversation is not at that turn: it may have moved on on another device. Here is where it is now.'
				)
			: refuse(400, 'There is no such turn in this conversation.');
	}
	if (!sent.choice) return refuse(400, 'Choose what to say first.');
	const choice = at.choices.find((c) => c.id === sent.choice);
	if (!choice) return refuse(400, 'That is not one of the things you can say at this turn.');

	const path = JSON.stringify([...current.path, choice.id]);
	const ending = choice.end ?? null;
	const endedAt = ending ? now : null;
	// Written only if nobody moved this run on since it was read: two devices cannot both add a step.
	const [written] = current.stored
		? await db
				.update(dialogueRuns)
				.set({ path, ending, endedAt, updatedAt: now })
				.where(
					and(
						eq(dialogueRuns.userId, userId),
						eq(dialogueRuns.lessonId, lesson.id),
						eq(dialogueRuns.exerciseId, exerciseId),
						eq(dialogueRuns.run, current.run),
						eq(dialogueRuns.path, JSON.stringify(current.path)),
						isNull(dialogueRuns.ending)
					)
				)
				.returning({ run: dialogueRuns.run })
		: await db
				.insert(dialogueRuns)
				.values({
					userId,
					lessonId: lesson.id,
					exerciseId,
					run: current.run,
					path,
					ending,
					endedAt,
					startedAt: now,
					updatedAt: now
				})
				.onConflictDoNothing()
				.returning({ run: dialogueRuns.run });
	if (!written) return refuse(409, CHANGED_MEANWHILE);
	const complete = ending ? await completeIfDone(db, userId, lesson, now) : false;
	return {
		ok: true,
		run: current.run,
		step: current.path.length + 1,
		ended: ending !== null,
		complete
	};
}

/** "Try a different way": a new run from the start, once the current one has reached an ending. Earlier runs are kept. */
export async function restart(
	db: Database,
	userId: string,
	lesson: Lesson,
	exerciseId: string,
	sentRun: number,
	now = new Date()
): Promise<PracticeResult> {
	const dialogue = dialogueOf(lesson, exerciseId);
	if (!dialogue) return refuse(404, 'There is no such practice conversation in this lesson.');
	const current = currentRun(dialogue, await runsFor(db, userId, lesson, exerciseId));
	const stale = staleRun(sentRun, current);
	if (stale) return stale;
	if (!current.walk.ending)
		return refuse(
			409,
			'This conversation is still going: play it to an ending first, then try a different way.'
		);
	const [written] = await db
		.insert(dialogueRuns)
		.values({
			userId,
			lessonId: lesson.id,
			exerciseId,
			run: current.run + 1,
			path: '[]',
			startedAt: now,
			updatedAt: now
		})
		.onConflictDoNothing()
		.returning({ run: dialogueRuns.run });
	if (!written) return refuse(409, CHANGED_MEANWHILE);
	return { ok: true, run: current.run + 1, step: 0, ended: false, complete: false };
}

export const SAY_FIELDS = ['exercise', 'run', 'turn', 'choice'] as const;
export const RESTART_FIELDS = ['exercise', 'run'] as const;

const runNumber = (form: FormData) => {
	const raw = textField(form, 'run');
	return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
};

/** The page after a conversation form: the result for use:enhance, a redirect for a plain post (post/redirect/get). */
function answered(result: PracticeResult, exerciseId: string, request: Request, location: string) {
	if (!result.ok) {
		// An unknown conversation has no section to show the message in: the page shows it on top.
		return fail(result.status, {
			exercise: result.status === 404 ? null : exerciseId,
			message: result.message
		});
	}
	const anchor = result.step > 0 ? practiceStepId(exerciseId, result.step) : exerciseId;
	if (!request.headers.has('x-sveltekit-action')) redirect(303, `${location}#${anchor}`);
	return {
		exercise: exerciseId,
		run: result.run,
		step: result.step,
		ended: result.ended,
		complete: result.complete
	};
}

/**
 * The `say` form of a practice conversation, from whichever page shows it.
 * @param location the page to land on after a plain form post (without its anchor)
 */
export async function sayAction(
	db: Database,
	userId: string,
	lesson: Lesson,
	form: FormData,
	request: Request,
	location: string
) {
	const exerciseId = textField(form, 'exercise');
	const run = runNumber(form);
	const turn = textField(form, 'turn');
	if (!exerciseId || run === null || !turn) {
		return fail(400, {
			exercise: exerciseId,
			message:
				'The form is missing which conversation, run or turn it answers. Reload the page and try again.'
		});
	}
	const result = await say(db, userId, lesson, exerciseId, {
		run,
		turn,
		choice: textField(form, 'choice')
	});
	return answered(result, exerciseId, request, location);
}

/** The `restart` form ("Try a different way"). */
export async function restartAction(
	db: Database,
	userId: string,
	lesson: Lesson,
	form: FormData,
	request: Request,
	location: string
) {
	const exerciseId = textField(form, 'exercise');
	const run = runNumber(form);
	if (!exerciseId || run === null) {
		return fail(400, {
			exercise: exerciseId,
			message:
				'The form is missing which conversation or run it restarts. Reload the page and try again.'
		});
	}
	return answered(
		await restart(db, userId, lesson, exerciseId, run),
		exerciseId,
		request,
		location
	);
}
