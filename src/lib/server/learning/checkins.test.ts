import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { checkIns } from '../db/schema';
import { openLearnerDatabase } from '$test/test-database';
import { weekLabel } from '$lib/check-in';
import { checkInChart } from './check-in-chart';
import {
	checkInDue,
	listCheckIns,
	needsHelpFirst,
	readCheckIn,
	saveCheckIn,
	thisWeeks,
	weekOf
} from './checkins';

let db: Database;
let cleanup: () => void;
let userId: string;

beforeEach(async () => ({ db, userId, cleanup } = await openLearnerDatabase()));
afterEach(() => cleanup());

/** 2026-03-02 is a Monday. */
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));
const answers = (heard: number, wayBack: number, steady: number, safe: number) => ({
	heard,
	wayBack,
	steady,
	safe
});
const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return f;
};

describe('weekOf', () => {
	it('is the Monday, in UTC, of the week a moment falls in', () => {
		expect(weekOf(at(2, 0))).toBe('2026-03-02');
		expect(weekOf(at(8, 23))).toBe('2026-03-02'); // Sunday evening
		expect(weekOf(at(9, 0))).toBe('2026-03-09');
		expect(weekOf(new Date('2026-03-01T23:59:59Z'))).toBe('2026-02-23');
		expect(weekOf(new Date('2027-01-01T08:00:00Z'))).toBe('2026-12-28'); // across a year
	});
});

describe('saving check-ins', () => {
	it('keeps one per week: a second check-in in the same week replaces it', async () => {
		await saveCheckIn(db, userId, answers(2, 2, 3, 4), at(3));
		await saveCheckIn(db, userId, answers(4, 3, 3, 5), at(7));
		await saveCheckIn(db, userId, answers(5, 5, 4, 5), at(10));
		const list = await listCheckIns(db, userId);
		expect(list.map(({ updatedAt: _, ...c }) => c)).toEqual([
			{ week: '2026-03-02', ...answers(4, 3, 3, 5) },
			{ week: '2026-03-09', ...answers(5, 5, 4, 5) }
		]);
		const [replaced] = await db.$reads.select().from(checkIns);
		expect([replaced.createdAt, replaced.updatedAt]).toEqual([at(3), at(7)]);
	});

	it('is due with none yet, and again seven days after the last', async () => {
		expect(checkInDue([], at(2))).toBe(true);
		await saveCheckIn(db, userId, answers(3, 3, 3, 3), at(3, 9));
		const list = await listCheckIns(db, userId);
		expect(checkInDue(list, at(9, 8))).toBe(false);
		expect(checkInDue(list, at(10, 9))).toBe(true);
		expect(thisWeeks(list, at(8))?.week).toBe('2026-03-02');
		expect(thisWeeks(list, at(9))).toBeNull();
	});

	it('puts help first for a safety answer of 1 or 2', () => {
		expect(needsHelpFirst(answers(5, 5, 5, 1))).toBe(true);
		expect(needsHelpFirst(answers(5, 5, 5, 2))).toBe(true);
		expect(needsHelpFirst(answers(1, 1, 1, 3))).toBe(false);
		expect(needsHelpFirst(null)).toBe(false);
	});
});

describe('reading the form', () => {
	it('takes four answers on the scale', () => {
		expect(readCheckIn(form({ heard: '1', wayBack: '5', steady: '3', safe: '2' }))).toEqual({
			ok: true,
			answers: answers(1, 5, 3, 2)
		});
	});

	it('refuses a missing answer, and keeps the others for the form', () => {
		const r = readCheckIn(form({ heard: '4', steady: '3', safe: '5' }));
		expect(r).toMatchObject({
			ok: false,
			problems: { wayBack: 'Choose an answer to this question.' },
			values: { heard: '4', steady: '3', safe: '5' }
		});
		if (!r.ok)
			expect(r.message).toMatch(/^One question needs an answer from 1 to 5.*Nothing was saved\.$/);
	});

	it('refuses values off the scale or not whole numbers', () => {
		for (const bad of ['0', '6', '3.5', '-1', 'three', ' 3', '']) {
			const r = readCheckIn(form({ heard: bad, wayBack: '3', steady: '3', safe: '3' }));
			expect(r.ok, bad).toBe(false);
			if (!r.ok) expect(Object.keys(r.problems)).toEqual(['heard']);
			if (!r.ok) expect(r.values.heard).toBeUndefined();
		}
	});
});

describe('the chart', () => {
	it('is nothing before the first check-in', () => {
		expect(checkInChart([])).toBeNull();
	});

	it('draws one line per question over every check-in, with a table of the same values', async () => {
		for (const [day, a] of [
			[2, answers(1, 2, 3, 4)],
			[9, answers(2, 3, 4, 5)],
			[23, answers(3, 3, 3, 3)]
		] as const) {
			await saveCheckIn(db, userId, a, at(day));
		}
		const chart = checkInChart(await listCheckIns(db, userId))!;
		expect(chart.rows.map((r) => [weekLabel(r.week), r.heard, r.safe])).toEqual([
			['2 Mar 2026', 1, 4],
			['9 Mar 2026', 2, 5],
			['23 Mar 2026', 3, 3]
		]);
		for (const layout of [chart.narrow, chart.wide]) {
			expect(layout.series.map((s) => s.key)).toEqual(['heard', 'wayBack', 'steady', 'safe']);
			// Three check-ins: three points on each line, from the plot's left edge to its right.
			for (const s of layout.series) expect(s.path.match(/[ML]/g)).toHaveLength(3);
			expect(layout.series[0].path.startsWith(`M${layout.plot.left},`)).toBe(true);
			expect(layout.yTicks.map((t) => t.label)).toEqual(['1', '2', '3', '4', '5']);
			expect(layout.xTicks.length).toBeGreaterThan(0);
		}
		expect(chart.summary).toContain(
			'3 check-ins, from the week of 2 Mar 2026 to the week of 23 Mar 2026'
		);
		expect(chart.summary).toContain('felt safe at home 3');
	});

	it('puts the first and the last week under a few weeks of check-ins', () => {
		const list = [2, 9, 16, 23].map((day) => ({
			week: weekOf(at(day)),
			updatedAt: at(day),
			...answers(3, 3, 3, 3)
		}));
		const chart = checkInChart(list)!;
		expect(chart.narrow.xTicks.map((t) => t.label)).toEqual(['2 Mar', '16 Mar', '23 Mar']);
		expect(chart.wide.xTicks.map((t) => t.label)).toEqual(['2 Mar', '9 Mar', '16 Mar', '23 Mar']);
		expect(chart.wide.xTicks.map((t) => t.anchor)).toEqual(['start', 'middle', 'middle', 'end']);
		expect(chart.wide.markEveryPoint).toBe(true);
	});

	it('labels a year of weekly check-ins by month, and leaves markers to the line ends on a phone', async () => {
		const list = Array.from({ length: 52 }, (_, i) => ({
			week: weekOf(new Date(Date.UTC(2025, 0, 6) + i * 7 * 86_400_000)),
			updatedAt: at(1),
			...answers(3, 3, 3, 3)
		}));
		const chart = checkInChart(list)!;
		expect(chart.narrow.xTicks.length).toBeLessThanOrEqual(4);
		expect(chart.wide.xTicks.every((t) => /^[A-Z][a-z]{2}( \d{4})?$/.test(t.label))).toBe(true);
		expect(chart.narrow.markEveryPoint).toBe(false);
		expect(chart.rows).toHaveLength(52);
	});
});
