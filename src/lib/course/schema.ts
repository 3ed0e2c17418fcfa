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

const questionFields = {
	id: slug,
	question: text,
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
export type Dialogue = Extract<Exercise, { kind: 'dialogue' }>;
export type TryItem = z.infer<typeof tryItem>;
export type Reflection = Extract<Exercise, { kind: 'reflection' }>;
export type Source = z.infer<typeof sourceSchema>;
