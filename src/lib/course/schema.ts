import { z } from 'zod';
import { dialogueProblems } from './dialogue-graph.ts';

const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');

const option = z.strictObject({
	id: slug,
	text,
	correct: z.boolean().optional(),
	feedback: text
});

function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx, what: string) {
	// `what` may be a dotted path (turns.2.choices): zod paths are lists of keys.
	const seen = new Set<string>();
	items.forEach((item, i) => {
		if (seen.has(item.id)) {
			ctx.addIssue({
				code: 'custom',
				path: [...what.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), i, 'id'],
				message: `duplicate id "${item.id}"`
			});
		}
		seen.add(item.id);
	});
}

/**
 * The `##` heading of the reading section a question rests on: the lesson's steps ask it right
 * after that section (the catalog checks the heading exists). Without it, it comes after the reading.
 */
const after = text.optional();

const questionFields = {
	id: slug,
	question: text,
	after,
	options: z.array(option).min(2, 'needs at least 2 options').max(8),
	explanation: text
};

const single = z
	.strictObject({ ...questionFields, kind: z.literal('single') })
	.superRefine((q, ctx) => {
		uniqueIds(q.options, ctx, 'options');
		const right = q.options.filter((o) => o.correct).length;
		if (right !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: `a single-choice question needs exactly 1 correct option, found ${right}`
			});
		}
	});

const multiple = z
	.strictObject({ ...questionFields, kind: z.literal('multiple') })
	.superRefine((q, ctx) => {
		uniqueIds(q.options, ctx, 'options');
		if (!q.options.some((o) => o.correct)) {
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: 'a multiple-choice question needs at least 1 correct option'
			});
		}
	});

/**
 * Pick the line: several things the learner could say, all kind-sounding; exactly one does what
 * the lesson describes (reflects without fixing, names one topic, asks for a pause with a time …).
 * Graded like a single-choice question; the page sets the options as spoken lines.
 */
const pickLine = z
	.strictObject({ ...questionFields, kind: z.literal('line') })
	.superRefine((q, ctx) => {
		uniqueIds(q.options, ctx, 'options');
		const right = q.options.filter((o) => o.correct).length;
		if (right !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: `a pick-the-line question needs exactly 1 correct option, found ${right}`
			});
		}
		q.options.forEach((o, i) => {
			if (/^["“”']/.test(o.text)) {
				ctx.addIssue({
					code: 'custom',
					path: ['options', i, 'text'],
					message: 'write the line without quotation marks: the page sets it as speech'
				});
			}
		});
	});

/**
 * Match each moment to what fits it (for example which of the seven ways): a few short scenarios
 * (`items`) and one shared list of `choices`. Every item names its answer and has feedback for
 * every choice, so whatever the learner picks is explained.
 */
const matchChoice = z.strictObject({ id: slug, text });
const matchItem = z.strictObject({
	id: slug,
	text,
	answer: slug,
	/** Keyed by choice id, one for every choice: why it fits this moment, or why not here. */
	feedback: z.record(slug, text)
});
const match = z
	.strictObject({
		id: slug,
		kind: z.literal('match'),
		question: text,
		after,
		choices: z.array(matchChoice).min(3, 'needs 3 to 5 choices').max(5, 'needs 3 to 5 choices'),
		items: z.array(matchItem).min(2, 'needs 2 to 4 items').max(4, 'needs 2 to 4 items'),
		explanation: text
	})
	.superRefine((q, ctx) => {
		uniqueIds(q.choices, ctx, 'choices');
		uniqueIds(q.items, ctx, 'items');
		const ids = q.choices.map((c) => c.id);
		q.items.forEach((item, i) => {
			if (!ids.includes(item.answer)) {
				ctx.addIssue({
					code: 'custom',
					path: ['items', i, 'answer'],
					message: `"${item.answer}" is not one of the choices`
				});
			}
			const keys = Object.keys(item.feedback);
			const missing = ids.filter((id) => !keys.includes(id));
			const extra = keys.filter((k) => !ids.includes(k));
			if (missing.length || extra.length) {
				ctx.addIssue({
					code: 'custom',
					path: ['items', i, 'feedback'],
					message: `needs feedback for every choice and no other${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not a choice: ${extra.join(', ')}` : ''}`
				});
			}
		});
		if (new Set(q.items.map((item) => item.answer)).size < 2) {
			ctx.addIssue({
				code: 'custom',
				path: ['items'],
				message: 'the items need at least 2 different answers'
			});
		}
	});

/**
 * Put steps in order: `steps` are written in the right order and shown shuffled. Each step's
 * feedback says why it belongs where it does, written so that it helps a learner who put it
 * elsewhere (it is shown for a misplaced step) without giving the whole order away.
 */
const orderStep = z.strictObject({ id: slug, text, feedback: text });
const order = z
	.strictObject({
		id: slug,
		kind: z.literal('order'),
		question: text,
		after,
		steps: z.array(orderStep).min(3, 'needs 3 to 6 steps').max(6, 'needs 3 to 6 steps'),
		explanation: text
	})
	.superRefine((q, ctx) => uniqueIds(q.steps, ctx, 'steps'));

const reflection = z.strictObject({
	id: slug,
	kind: z.literal('reflection'),
	prompt: text,
	hint: text.optional()
});

const line = text.max(400, 'must be at most 400 characters');

/** One thing the learner could say at a turn: the partner's reply and a coaching note come with it. */
const dialogueChoice = z.strictObject({
	id: slug,
	say: line,
	reply: line,
	coach: text.max(500, 'must be one or two sentences (at most 500 characters)'),
	/** The turn this choice leads to … */
	next: slug.optional(),
	/** … or the ending it reaches: exactly one of the two. */
	end: slug.optional()
});

const dialogueTurn = z.strictObject({
	id: slug,
	/** What the partner says as this turn opens; the start turn needs it, later turns follow a reply. */
	partner: line.optional(),
	choices: z
		.array(dialogueChoice)
		.min(2, 'needs 2 to 4 things to say')
		.max(4, 'needs 2 to 4 things to say')
});

const dialogueEnding = z.strictObject({
	id: slug,
	/** Whether the partner opened up or stayed closed: the course check wants both kinds. */
	outcome: z.enum(['softened', 'closed']),
	text
});

const dialogue = z
	.strictObject({
		id: slug,
		kind: z.literal('dialogue'),
		/** Shown as "Practice: <title>". */
		title: text,
		/** A sentence or two setting the scene. */
		scene: text.optional(),
		start: slug,
		turns: z.array(dialogueTurn).min(1),
		endings: z.array(dialogueEnding).min(1)
	})
	.superRefine((d, ctx) => {
		uniqueIds(d.turns, ctx, 'turns');
		uniqueIds(d.endings, ctx, 'endings');
		d.turns.forEach((t, i) => uniqueIds(t.choices, ctx, `turns.${i}.choices`));
		for (const problem of dialogueProblems(d))
			ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
	});

export const exerciseSchema = z.discriminatedUnion('kind', [
	single,
	multiple,
	pickLine,
	match,
	order,
	reflection,
	dialogue
]);

/** A small thing to try this week, offered on a strategy lesson's finishing step. */
const tryItem = z.strictObject({ id: slug, text: text.max(200, 'must be at most 200 characters') });

export const lessonFrontmatterSchema = z
	.strictObject({
		title: text,
		summary: text,
		minutes: z.number().int().min(1).max(60),
		open: z.boolean().default(false),
		sources: z.array(slug).min(1, 'name at least the article the lesson draws on'),
		exercises: z.array(exerciseSchema).min(1, 'a lesson needs at least one exercise'),
		tryThisWeek: z
			.array(tryItem)
			.min(2, 'offer 2 to 4 things to try')
			.max(4, 'offer 2 to 4 things to try')
			.optional(),
		/**
		 * The lesson asks the learner to talk with their partner or act toward them (open a talk, set
		 * a boundary, rehearse one). A learner on the safety-first path meets the lessons without it
		 * first, and its partner-facing exercises are offered as "skip for now".
		 */
		withPartner: z.boolean().default(false),
		/**
		 * The lesson's own ideas, in the words its reading uses for them ("regulate before you
		 * relate", "flooding"): the course report counts the questions that name one.
		 */
		ideas: z
			.array(text.max(60, 'name an idea in a few words'))
			.min(1)
			.max(8, 'at most 8 ideas')
			.optional()
	})
	.superRefine((l, ctx) => {
		uniqueIds(l.exercises, ctx, 'exercises');
		if (l.tryThisWeek) uniqueIds(l.tryThisWeek, ctx, 'tryThisWeek');
	});

export const moduleSchema = z.strictObject({ title: text, summary: text });

export const sourceSchema = z.strictObject({
	title: text,
	url: z.url({ protocol: /^https$/ }).optional(),
	note: text.optional()
});
export const sourcesSchema = z.record(slug, sourceSchema);

export type Exercise = z.infer<typeof exerciseSchema>;
export type Question = Extract<Exercise, { kind: 'single' | 'multiple' }>;
export type LineQuestion = Extract<Exercise, { kind: 'line' }>;
export type MatchQuestion = Extract<Exercise, { kind: 'match' }>;
export type OrderQuestion = Extract<Exercise, { kind: 'order' }>;
export type Dialogue = Extract<Exercise, { kind: 'dialogue' }>;
export type TryItem = z.infer<typeof tryItem>;
export type Reflection = Extract<Exercise, { kind: 'reflection' }>;
export type Source = z.infer<typeof sourceSchema>;
