import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError } from './catalog';
import { courseFiles, lessonSource } from '$test/course-fixtures';
import { readCourseFiles } from './read-files';

function problemsOf(fn: () => unknown): string[] {
	try {
		fn();
	} catch (e) {
		if (e instanceof CatalogError) return e.problems;
		throw e;
	}
	throw new Error('expected a CatalogError');
}

describe('catalog ordering', () => {
	it('orders modules and lessons by numeric prefix and strips it from ids', () => {
		const catalog = buildCatalog(
			courseFiles({
				'/lessons/10-later/01-one.svx': lessonSource({ title: 'Later one' }),
				'/lessons/02-first/10-ten.svx': lessonSource({ title: 'Ten' }),
				'/lessons/02-first/02-two.svx': lessonSource({ title: 'Two' })
			})
		);
		expect(catalog.modules.map((m) => m.slug)).toEqual(['first', 'later']);
		expect(catalog.lessons.map((l) => l.id)).toEqual(['first/two', 'first/ten', 'later/one']);
		expect(catalog.lessons.map((l) => l.index)).toEqual([0, 1, 2]);
		expect(catalog.get('first', 'ten')?.title).toBe('Ten');
		expect(catalog.get('first', '10-ten')).toBeUndefined();
		expect(catalog.lessons[0].sources).toEqual([{ title: 'The article' }]);
	});
});

describe('catalog schema errors name the file and the field', () => {
	const file = '/lessons/01-m/01-l.svx';
	const cases: [string, string, RegExp][] = [
		[
			'minutes not a number',
			lessonSource({ minutes: 'five' }),
			/lessons\/01-m\/01-l\.svx: minutes:/
		],
		['missing title', lessonSource({ title: undefined }), /01-l\.svx: title:/],
		[
			'single choice with two correct options',
			lessonSource({
				exercises: [
					{
						id: 'q',
						kind: 'single',
						question: 'Q?',
						options: [
							{ id: 'a', text: 'A', correct: true, feedback: 'f' },
							{ id: 'b', text: 'B', correct: true, feedback: 'f' }
						],
						explanation: 'e'
					}
				]
			}),
			/01-l\.svx: exercises\.0\.options: a single-choice question needs exactly 1 correct option, found 2/
		],
		[
			'option without feedback',
			lessonSource({
				exercises: [
					{
						id: 'q',
						kind: 'single',
						question: 'Q?',
						options: [
							{ id: 'a', text: 'A', correct: true },
							{ id: 'b', text: 'B', feedback: 'f' }
						],
						explanation: 'e'
					}
				]
			}),
			/01-l\.svx: exercises\.0\.options\.0\.feedback:/
		],
		[
			'duplicate exercise ids',
			lessonSource({
				exercises: [
					{ id: 'r', kind: 'reflection', prompt: 'p' },
					{ id: 'r', kind: 'reflection', prompt: 'p2' }
				]
			}),
			/01-l\.svx: exercises\.1\.id: duplicate id "r"/
		],
		[
			'unknown exercise kind',
			lessonSource({ exercises: [{ id: 'x', kind: 'essay', prompt: 'p' }] }),
			/01-l\.svx: exercises\.0\.kind:/
		],
		['unknown field', lessonSource({ colour: 'blue' }), /01-l\.svx: .*colour/],
		[
			'unknown source',
			lessonSource({ sources: ['nowhere'] }),
			/01-l\.svx: sources\.0: "nowhere" is not in lessons\/sources\.json/
		],
		['no frontmatter', 'Just prose.', /01-l\.svx: no frontmatter/],
		['broken YAML', '---\ntitle: [unclosed\n---\nbody', /01-l\.svx: frontmatter is not valid YAML/]
	];
	it.each(cases)('%s', (_name, source, pattern) => {
		const problems = problemsOf(() => buildCatalog(courseFiles({ [file]: source })));
		expect(problems.join('\n')).toMatch(pattern);
	});

	it('rejects file names without a numeric prefix and duplicate lesson names', () => {
		const problems = problemsOf(() =>
			buildCatalog(
				courseFiles({
					'/lessons/01-m/intro.svx': lessonSource(),
					'/lessons/01-m/01-a.svx': lessonSource(),
					'/lessons/01-m/02-a.svx': lessonSource()
				})
			)
		);
		expect(problems).toContainEqual(
			expect.stringMatching(/01-m\/intro\.svx: file name must look like/)
		);
		expect(problems).toContainEqual(expect.stringMatching(/same number or name/));
	});

	it('reports every problem at once, not just the first', () => {
		const problems = problemsOf(() =>
			buildCatalog(
				courseFiles({
					'/lessons/01-m/01-a.svx': lessonSource({ minutes: 0 }),
					'/lessons/01-m/02-b.svx': lessonSource({ summary: '' })
				})
			)
		);
		expect(problems).toHaveLength(2);
	});
});

describe('the real course', () => {
	it('loads without problems', () => {
		const catalog = buildCatalog(readCourseFiles(process.cwd()));
		expect(catalog.lessons.length).toBeGreaterThanOrEqual(3);
		expect(catalog.lessons[0].open || catalog.lessons[0].index === 0).toBe(true);
	});
});

describe('practice conversations', () => {
	const choice = (id: string, to: { next?: string; end?: string }) => ({
		id,
		say: `Say ${id}`,
		reply: `Reply ${id}`,
		coach: `Coach ${id}`,
		...to
	});
	const conversation = (
		turns: unknown[],
		endings = [{ id: 'calm', outcome: 'softened', text: 'Done.' }],
		start = 't1'
	) => ({
		id: 'talk',
		kind: 'dialogue',
		title: 'an opening',
		start,
		turns,
		endings
	});
	const problemsFor = (dialogue: unknown) =>
		problemsOf(() =>
			buildCatalog(
				courseFiles({ '/lessons/01-m/01-a.svx': lessonSource({ exercises: [dialogue] }) })
			)
		);

	it('accepts a sound conversation, loops with a way out included', () => {
		const sound = conversation([
			{
				id: 't1',
				partner: 'Hm?',
				choices: [choice('a', { next: 't2' }), choice('b', { end: 'calm' })]
			},
			{ id: 't2', choices: [choice('c', { next: 't1' }), choice('d', { end: 'calm' })] }
		]);
		const lesson = buildCatalog(
			courseFiles({ '/lessons/01-m/01-a.svx': lessonSource({ exercises: [sound] }) })
		).lessons[0];
		expect(lesson.exercises[0]).toMatchObject({ kind: 'dialogue', start: 't1' });
	});

	it('fails with file and field when a choice leads nowhere or to a turn that does not exist', () => {
		const problems = problemsFor(
			conversation([
				{
					id: 't1',
					partner: 'Hm?',
					choices: [
						{ ...choice('a', {}) },
						choice('b', { next: 'nowhere' }),
						choice('c', { end: 'calm' })
					]
				}
			])
		);
		expect(problems).toEqual([
			'lessons/01-m/01-a.svx: exercises.0.turns.0.choices.0: leads nowhere: give it either `next` (a turn) or `end` (an ending), not both',
			'lessons/01-m/01-a.svx: exercises.0.turns.0.choices.1.next: "nowhere" is not a turn of this conversation'
		]);
	});

	it('fails when an ending or a turn cannot be reached', () => {
		const problems = problemsFor(
			conversation(
				[
					{
						id: 't1',
						partner: 'Hm?',
						choices: [choice('a', { end: 'calm' }), choice('b', { end: 'calm' })]
					},
					{ id: 'lost', choices: [choice('c', { end: 'closed' }), choice('d', { end: 'calm' })] }
				],
				[
					{ id: 'calm', outcome: 'softened', text: 'Done.' },
					{ id: 'closed', outcome: 'closed', text: 'Later.' }
				]
			)
		);
		expect(problems).toEqual([
			'lessons/01-m/01-a.svx: exercises.0.endings.1: ending "closed" cannot be reached',
			'lessons/01-m/01-a.svx: exercises.0.turns.1: turn "lost" cannot be reached from the start'
		]);
	});

	it('fails on a loop with no way out, and on a start turn where the partner says nothing', () => {
		expect(
			problemsFor(
				conversation([
					{
						id: 't1',
						partner: 'Hm?',
						choices: [choice('a', { next: 't2' }), choice('b', { end: 'calm' })]
					},
					{ id: 't2', choices: [choice('c', { next: 't3' }), choice('d', { next: 't3' })] },
					{ id: 't3', choices: [choice('e', { next: 't2' }), choice('f', { next: 't2' })] }
				])
			)
		).toEqual([
			'lessons/01-m/01-a.svx: exercises.0.turns.1: turn "t2" is in a loop with no way out: no ending can be reached from it',
			'lessons/01-m/01-a.svx: exercises.0.turns.2: turn "t3" is in a loop with no way out: no ending can be reached from it'
		]);
		expect(
			problemsFor(
				conversation([
					{ id: 't1', choices: [choice('a', { end: 'calm' }), choice('b', { end: 'calm' })] }
				])
			)
		).toEqual([
			'lessons/01-m/01-a.svx: exercises.0.turns.0.partner: the partner speaks first: the start turn needs a line'
		]);
	});

	it('needs two to four things to say at each turn', () => {
		const problems = problemsFor(
			conversation([{ id: 't1', partner: 'Hm?', choices: [choice('a', { end: 'calm' })] }])
		);
		expect(problems).toEqual([
			'lessons/01-m/01-a.svx: exercises.0.turns.0.choices: needs 2 to 4 things to say'
		]);
	});
});

describe('question kinds beyond single and multiple choice', () => {
	const file = '/lessons/01-m/01-l.svx';
	const build = (exercise: Record<string, unknown>, body?: string) =>
		buildCatalog(courseFiles({ [file]: lessonSource({ exercises: [exercise] }, body) }));
	const problems = (exercise: Record<string, unknown>, body?: string) =>
		problemsOf(() => build(exercise, body)).join('\n');

	const choices = [
		{ id: 'pause', text: 'Ask for a pause' },
		{ id: 'reflect', text: 'Reflect back' },
		{ id: 'one-topic', text: 'Raise one topic' }
	];
	const feedback = { pause: 'p', reflect: 'r', 'one-topic': 'o' };
	const match = {
		id: 'which-fits',
		kind: 'match',
		question: 'Which fits each moment?',
		choices,
		items: [
			{ id: 'racing', text: 'Your heart is racing.', answer: 'pause', feedback },
			{ id: 'they-talk', text: 'They start to talk.', answer: 'reflect', feedback }
		],
		explanation: 'e'
	};
	const order = {
		id: 'in-order',
		kind: 'order',
		question: 'Put these in order.',
		steps: [
			{ id: 'settle', text: 'Settle', feedback: 'First, because…' },
			{ id: 'reflect', text: 'Reflect', feedback: 'Then, because…' },
			{ id: 'raise', text: 'Raise one thing', feedback: 'Last, because…' }
		],
		explanation: 'e'
	};
	const line = {
		id: 'the-line',
		kind: 'line',
		question: 'Which line reflects without fixing?',
		options: [
			{ id: 'a', text: 'So it felt like nobody asked you.', correct: true, feedback: 'f' },
			{ id: 'b', text: 'Let me sort it out tomorrow.', feedback: 'f' }
		],
		explanation: 'e'
	};

	it('reads a match, an order and a pick-the-line question', () => {
		for (const exercise of [match, order, line]) {
			expect(build(exercise).lessons[0].exercises[0]).toMatchObject({ kind: exercise.kind });
		}
	});

	it('refuses a match whose answer is not a choice, or whose feedback misses a choice', () => {
		const [racing, theyTalk] = match.items;
		expect(problems({ ...match, items: [{ ...racing, answer: 'shout' }, theyTalk] })).toMatch(
			/exercises\.0\.items\.0\.answer: "shout" is not one of the choices/
		);
		expect(
			problems({
				...match,
				items: [{ ...racing, feedback: { pause: 'p', reflect: 'r' } }, theyTalk]
			})
		).toMatch(
			/exercises\.0\.items\.0\.feedback: needs feedback for every choice.*missing: one-topic/
		);
		expect(problems({ ...match, items: [racing, { ...theyTalk, answer: 'pause' }] })).toMatch(
			/exercises\.0\.items: the items need at least 2 different answers/
		);
	});

	it('refuses an order of fewer than three steps, and a spoken line in quotation marks', () => {
		expect(problems({ ...order, steps: order.steps.slice(0, 2) })).toMatch(
			/exercises\.0\.steps: needs 3 to 6 steps/
		);
		const quoted = { ...line.options[1], text: '"Let me sort it out tomorrow."' };
		expect(problems({ ...line, options: [line.options[0], quoted] })).toMatch(
			/exercises\.0\.options\.1\.text: write the line without quotation marks/
		);
	});

	it('places a question after a heading only when the lesson has that heading', () => {
		const body = '## What flooding is\n\nProse.\n\n## What helps\n\nMore.';
		expect(build({ ...line, after: 'What helps' }, body).lessons[0].exercises[0]).toMatchObject({
			after: 'What helps'
		});
		expect(problems({ ...line, after: 'What hurts' }, body)).toMatch(
			/exercises\.0\.after: no "## " heading of this lesson reads "What hurts"/
		);
	});

	it('reads withPartner (false unless said) and a lesson’s ideas', () => {
		const plain = buildCatalog(courseFiles({ [file]: lessonSource() })).lessons[0];
		expect(plain.withPartner).toBe(false);
		const marked = buildCatalog(
			courseFiles({ [file]: lessonSource({ withPartner: true, ideas: ['flooding'] }) })
		).lessons[0];
		expect(marked).toMatchObject({ withPartner: true, ideas: ['flooding'] });
	});
});
