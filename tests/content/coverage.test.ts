import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/course/catalog';
import { readCourseFiles } from '../../src/lib/course/read-files';

/**
 * Every section of both articles, mapped to the lesson(s) that teach it, with words the teaching
 * cannot do without. A section that loses its lesson, or a lesson that stops teaching it, fails here.
 */
const COVERAGE: { section: string; lessons: string[]; mustMention: RegExp[] }[] = [
	{
		section:
			'What the silent treatment is and why it hurts (social pain, well-being, the relationship)',
		lessons: ['understanding-silence/why-silence-hurts'],
		mustMention: [/pain/i, /trust|intima|close/i]
	},
	{
		section: 'Cooling off versus stonewalling',
		lessons: ['understanding-silence/why-silence-hurts'],
		mustMention: [/cool/i, /stonewall/i]
	},
	{
		section:
			'Why a partner withdraws: overwhelm, early conflict avoidance, autonomy, control, outside stress',
		lessons: ['understanding-silence/why-a-partner-withdraws'],
		mustMention: [
			/overwhelm/i,
			/grew up|childhood|early/i,
			/space|autonomy/i,
			/control/i,
			/stress/i,
			/clue/i
		]
	},
	{
		section: 'Steadying yourself first (self-reflection questions)',
		lessons: ['understanding-silence/steady-yourself-first'],
		mustMention: [/fear/i, /calm|soothe|settle/i]
	},
	{
		section: 'Emotional truth heard through shame',
		lessons: ['why-they-cant-hear-you/truth-and-shame'],
		mustMention: [/shame/i]
	},
	{
		section: 'The threat response and walls going up',
		lessons: ['why-they-cant-hear-you/when-the-walls-go-up'],
		mustMention: [/threat|danger/i, /wall/i]
	},
	{
		section: 'Why a defended partner tries to prove you wrong, and what it buys them',
		lessons: ['why-they-cant-hear-you/why-they-try-to-prove-you-wrong'],
		mustMention: [/wrong/i, /control/i]
	},
	{
		section: 'Over-functioning, hardening, and how it is turned back on you',
		lessons: ['why-they-cant-hear-you/over-functioning-and-hardening'],
		mustMention: [/over-function/i, /harden/i, /distant/i]
	},
	{
		section: 'Strategy 1: low-pressure openings',
		lessons: ['seven-ways-back/low-pressure-openings'],
		mustMention: [/invit/i]
	},
	{
		section: 'Strategy 2: reflective listening (reflect, validate, confirm)',
		lessons: ['seven-ways-back/reflective-listening'],
		mustMention: [/reflect/i, /validat/i]
	},
	{
		section: 'Strategy 3: regulate first, then relate',
		lessons: ['seven-ways-back/regulate-then-relate'],
		mustMention: [/calm/i]
	},
	{
		section: 'Strategy 4: repair-ready language (thanks + step, apology without "but")',
		lessons: ['seven-ways-back/repair-ready-language'],
		mustMention: [/apolog/i, /thank/i, /\bbut\b/i]
	},
	{
		section: 'Strategy 5: boundaries around silence (time windows, the 24-hour check-in)',
		lessons: ['seven-ways-back/boundaries-around-silence'],
		mustMention: [/boundar/i, /24|day/i]
	},
	{
		section: 'Strategy 6: bite-sized conversations (one topic, one impact, one ask)',
		lessons: ['seven-ways-back/bite-sized-conversations'],
		mustMention: [/one topic/i, /ask/i]
	},
	{
		section: 'Strategy 7: daily emotional deposits',
		lessons: ['seven-ways-back/daily-emotional-deposits'],
		mustMention: [/deposit/i, /appreciat|needed/i]
	},
	{
		section: 'What holding space asks of a partner',
		lessons: ['holding-space-and-real-change/what-holding-space-asks'],
		mustMention: [/holding space|hold space/i]
	},
	{
		section: 'Change forced by crisis versus chosen change',
		lessons: ['holding-space-and-real-change/crisis-or-choice'],
		mustMention: [/crisis/i, /choose|chosen|choice/i]
	},
	{
		section: 'What you can and cannot do (name your truth, boundaries, consequences, stop chasing)',
		lessons: ['holding-space-and-real-change/what-you-can-and-cannot-do'],
		mustMention: [/truth/i, /boundar/i, /consequence/i, /chas/i]
	},
	{
		section: 'Hope without false hope',
		lessons: ['holding-space-and-real-change/hope-without-false-hope'],
		mustMention: [/hope/i]
	},
	{
		section: 'When silence becomes emotional abuse (punishment, isolation, escalation)',
		lessons: ['safety-and-your-plan/when-silence-becomes-abuse'],
		mustMention: [/punish/i, /isolat/i, /escalat|worse/i]
	},
	{
		section:
			'Communication exercises assume a safe partner; couples therapy versus individual counselling',
		lessons: [
			'safety-and-your-plan/when-silence-becomes-abuse',
			'safety-and-your-plan/getting-support'
		],
		mustMention: [/safe/i, /couples/i, /individual/i]
	},
	{
		section: 'Where to get help',
		lessons: ['safety-and-your-plan/getting-support'],
		mustMention: [/\/help/]
	},
	{
		section: 'The FAQ as scenarios',
		lessons: ['safety-and-your-plan/questions-people-ask'],
		mustMention: [/ignor/i, /wait/i]
	},
	{
		section: 'A personal plan from the seven strategies',
		lessons: ['safety-and-your-plan/your-plan'],
		mustMention: [/plan/i]
	}
];

const files = readCourseFiles(process.cwd());
const catalog = buildCatalog(files);

describe('every section of both articles is taught', () => {
	it.each(COVERAGE.map((c) => [c.section, c] as const))(
		'%s',
		(_section, { lessons, mustMention }) => {
			const text = lessons
				.map((id) => {
					const lesson = catalog.lessons.find((l) => l.id === id);
					expect(lesson, `lesson ${id}`).toBeDefined();
					return files.lessons[lesson!.file];
				})
				.join('\n');
			for (const pattern of mustMention) expect(text).toMatch(pattern);
		}
	);

	it('every lesson teaches some listed section', () => {
		const mapped = new Set(COVERAGE.flatMap((c) => c.lessons));
		expect(catalog.lessons.map((l) => l.id).filter((id) => !mapped.has(id))).toEqual([]);
	});
});
