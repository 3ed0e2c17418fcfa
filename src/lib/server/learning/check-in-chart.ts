import { scaleLinear, scaleUtc } from 'd3-scale';
import {
	CHECK_IN_QUESTIONS,
	dayLabel,
	monthLabel,
	SCALE,
	weekLabel,
	type ChartLayout,
	type CheckInChartView,
	type CheckInKey,
	type CheckInRow
} from '$lib/check-in';
import type { CheckIn } from './checkins';

interface Frame {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	/** About how many dates fit along the bottom. */
	ticks: number;
}

/**
 * Sizes in the drawing's own units, close to the pixels each is shown at (the component picks one
 * by the width of its column), so 12-unit text reads as about 12 px on a phone and on a desktop.
 */
const FRAMES: Record<'narrow' | 'wide', Frame> = {
	narrow: {
		width: 300,
		height: 190,
		margin: { top: 12, right: 16, bottom: 30, left: 24 },
		ticks: 3
	},
	wide: { width: 560, height: 240, margin: { top: 14, right: 24, bottom: 32, left: 28 }, ticks: 6 }
};

/**
 * Four answers on a five-point scale often coincide: each line sits a little above or below the
 * value so lines with the same answers run side by side instead of hiding one another.
 */
const DODGE: Record<CheckInKey, number> = { heard: -6, wayBack: -2, steady: 2, safe: 6 };
/** Below this many units between neighbouring check-ins, markers at every point would merge into a blur. */
const MARKER_ROOM = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

const dateOf = (week: string) => new Date(`${week}T00:00:00Z`);

/** A row with its week as a time, worked out once rather than for every line in every drawing. */
type Timed = CheckInRow & { at: number };

function layout(rows: Timed[], frame: Frame): ChartLayout {
	const { width, height, margin } = frame;
	const plot = {
		left: margin.left,
		right: width - margin.right,
		top: margin.top,
		bottom: height - margin.bottom
	};
	const first = new Date(rows[0].at);
	const last = new Date(rows[rows.length - 1].at);
	// One check-in sits in the middle of a week's width rather than on a zero-length axis.
	const domain =
		first.getTime() === last.getTime()
			? [new Date(first.getTime() - 3.5 * DAY_MS), new Date(first.getTime() + 3.5 * DAY_MS)]
			: [first, last];
	const x = scaleUtc().domain(domain).range([plot.left, plot.right]);
	const y = scaleLinear().domain([SCALE.min, SCALE.max]).range([plot.bottom, plot.top]);

	let dates = tickDates(first, last, frame.ticks, x);
	while (dates.length > frame.ticks + 1) dates = dates.filter((_, i) => i % 2 === 0);
	const monthly = dates.length > 1 && dates.every((d) => d.getUTCDate() === 1);
	const xTicks = dates.map((d, i) => {
		const at = x(d);
		const label = monthly
			? monthLabel(d, { year: i === 0 || d.getUTCMonth() === 0 })
			: dayLabel(d, { year: false });
		// Labels at the edges grow inward, so none is cut off by the drawing's border.
		const anchor: 'start' | 'middle' | 'end' =
			at - plot.left < 24 ? 'start' : plot.right - at < 24 ? 'end' : 'middle';
		return { x: round(at), label, anchor };
	});

	// Straight lines between check-ins (nothing is invented between two weeks), each point once per drawing.
	// Whole units (about a pixel each): finer adds nothing to see, and whole numbers print far faster.
	const xs = rows.map((r) => Math.round(x(r.at)));
	const ys = new Map(
		Array.from({ length: SCALE.max - SCALE.min + 1 }, (_, i) => [
			SCALE.min + i,
			Math.round(y(SCALE.min + i))
		])
	);
	const series = CHECK_IN_QUESTIONS.map(({ key }) => {
		const points = xs.map((px, i) => `${px},${ys.get(rows[i][key])! + DODGE[key]}`);
		// A lone check-in is a line of no length, so its marker still shows.
		return { key, path: `M${points.join('L')}${rows.length === 1 ? `L${points[0]}` : ''}` };
	});
	const spacing =
		rows.length > 1
			? (plot.right - plot.left) / ((last.getTime() - first.getTime()) / WEEK_MS)
			: Infinity;
	return {
		width,
		height,
		plot,
		xTicks,
		yTicks: Array.from({ length: SCALE.max - SCALE.min + 1 }, (_, i) => ({
			y: round(y(SCALE.min + i)),
			label: String(SCALE.min + i)
		})),
		series,
		markEveryPoint: spacing >= MARKER_ROOM
	};
}

/**
 * Over a few months, Mondays (the days check-ins are kept under); over longer, calendar months as
 * d3 picks them. (d3's own week ticks fall on Sundays.)
 */
function tickDates(
	first: Date,
	last: Date,
	count: number,
	x: ReturnType<typeof scaleUtc<number>>
): Date[] {
	const weeks = Math.round((last.getTime() - first.getTime()) / WEEK_MS);
	if (weeks > count * 4) return x.ticks(count);
	// The first and the last week always, and others spread evenly between them.
	const n = Math.min(weeks + 1, count);
	if (n === 1) return [first];
	return Array.from(
		{ length: n },
		(_, i) => new Date(first.getTime() + Math.round((i * weeks) / (n - 1)) * WEEK_MS)
	);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The chart and table of every check-in, or null before the first one. */
export function checkInChart(list: CheckIn[]): CheckInChartView | null {
	if (list.length === 0) return null;
	const rows: Timed[] = list.map((c) => ({
		week: c.week,
		heard: c.heard,
		wayBack: c.wayBack,
		steady: c.steady,
		safe: c.safe,
		at: dateOf(c.week).getTime()
	}));
	const label = (row: CheckInRow) => weekLabel(row.week);
	const newest = rows[rows.length - 1];
	const answers = CHECK_IN_QUESTIONS.map((q) => `${q.short.toLowerCase()} ${newest[q.key]}`).join(
		', '
	);
	const span =
		rows.length === 1
			? `One check-in, for the week of ${label(newest)}`
			: `${rows.length} check-ins, from the week of ${label(rows[0])} to the week of ${label(newest)}`;
	return {
		narrow: layout(rows, FRAMES.narrow),
		wide: layout(rows, FRAMES.wide),
		rows: rows.map(({ at: _, ...row }) => row),
		summary: `${span}. The newest: ${answers} (${SCALE.min} is ${SCALE.low.toLowerCase()}, ${SCALE.max} is ${SCALE.high.toLowerCase()}).`
	};
}
