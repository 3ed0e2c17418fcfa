/** The weekly check-in's questions and what its pages show: shared by the server and the components. */

export const CHECK_IN_KEYS = ['heard', 'wayBack', 'steady', 'safe'] as const;
export type CheckInKey = (typeof CHECK_IN_KEYS)[number];
export type CheckInAnswers = Record<CheckInKey, number>;

/** One scale for every question: the same ends make the lines on the chart comparable. */
export const SCALE = { min: 1, max: 5, low: 'Not at all', high: 'Completely' } as const;

export interface CheckInQuestion {
	key: CheckInKey;
	/** The question, as the radio group's legend. */
	legend: string;
	hint?: string;
	/** Its name on the chart's legend. */
	short: string;
	/** Its table column: short, so the table fits a phone. */
	column: string;
}

export const CHECK_IN_QUESTIONS: CheckInQuestion[] = [
	{
		key: 'heard',
		legend: 'This week, how heard did you feel by your partner?',
		short: 'Felt heard',
		column: 'Heard'
	},
	{
		key: 'wayBack',
		legend:
			'When a silence came up this week, how much did the two of you find a way back to each other?',
		hint: 'If there was no silence this week, think of the last one.',
		short: 'Found a way back',
		column: 'Way back'
	},
	{
		key: 'steady',
		legend: 'How steady did you feel in yourself during hard moments or talks?',
		short: 'Felt steady',
		column: 'Steady'
	},
	{
		key: 'safe',
		legend: 'How safe do you feel at home?',
		short: 'Felt safe at home',
		column: 'Safe'
	}
];

/** An SVG path's coordinates, scales and ticks, worked out on the server (no chart code ships to the browser). */
export interface ChartLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
	yTicks: { y: number; label: string }[];
	series: { key: CheckInKey; path: string }[];
	/** Markers at every check-in while they have room; otherwise only at each line's newest end. */
	markEveryPoint: boolean;
}

export interface CheckInRow extends CheckInAnswers {
	/** The Monday that starts the week, YYYY-MM-DD. */
	week: string;
}

export interface CheckInChartView {
	/** A phone-width drawing and a wider one: the component shows the one its column fits, so text stays legible. */
	narrow: ChartLayout;
	wide: ChartLayout;
	/** Oldest first, as drawn. */
	rows: CheckInRow[];
	/** In words, for the drawing's description. */
	summary: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as the chart and table show it: "2 Mar", or "2 Mar 2026" with the year. Written out, not Intl: a year of labels is built on every course map. */
export function dayLabel(date: Date, { year = true } = {}): string {
	const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
	return year ? `${day} ${date.getUTCFullYear()}` : day;
}

/** A week as people read it: "2 Mar 2026" for 2026-03-02. */
export const weekLabel = (week: string) => dayLabel(new Date(`${week}T00:00:00Z`));

/** "Mar", or "Mar 2026" with the year. */
export function monthLabel(date: Date, { year = false } = {}): string {
	return year
		? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
		: MONTHS[date.getUTCMonth()];
}
