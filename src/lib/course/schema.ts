import { z } from 'zod';

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
	const seen = new Set<string>();
	items.forEach((item, i) => {
		if (seen.has(item.id)) {
			ctx.addIssue({ code: 'custom', path: [what, i, 'id'], message: `duplicate id "${item.id}"` });
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
			ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-choice question needs exactly 1 correct option, found ${right}` });
		}
	});

const multiple = z
	.strictObject({ ...questionFields, kind: z.literal('multiple') })
	.superRefine((q, ctx) => {
		uniqueIds(q.options, ctx, 'options');
		if (!q.options.some((o) => o.correct)) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-choice question needs at least 1 correct option' });
		}
	});

const reflection = z.strictObject({
	id: slug,
	kind: z.literal('reflection'),
	prompt: text,
	hint: text.optional()
});

export const exerciseSchema = z.discriminatedUnion('kind', [single, multiple, reflection]);

export const lessonFrontmatterSchema = z
	.strictObject({
		title: text,
		summary: text,
		minutes: z.number().int().min(1).max(60),
		open: z.boolean().default(false),
		sources: z.array(slug).min(1, 'name at least the article the lesson draws on'),
		exercises: z.array(exerciseSchema).min(1, 'a lesson needs at least one exercise')
	})
	.superRefine((l, ctx) => uniqueIds(l.exercises, ctx, 'exercises'));

export const moduleSchema = z.strictObject({ title: text, summary: text });

export const sourceSchema = z.strictObject({
	title: text,
	url: z.url({ protocol: /^https$/ }).optional(),
	note: text.optional()
});
export const sourcesSchema = z.record(slug, sourceSchema);

export type Exercise = z.infer<typeof exerciseSchema>;
export type Question = Extract<Exercise, { kind: 'single' | 'multiple' }>;
export type Reflection = Extract<Exercise, { kind: 'reflection' }>;
export type Source = z.infer<typeof sourceSchema>;
