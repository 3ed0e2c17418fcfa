/** p50 and p99 of a list of milliseconds, unrounded: ratios are taken from these. */
export function percentiles(ms: number[]) {
	const sorted = [...ms].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { p50: at(0.5), p99: at(0.99) };
}

/** "p50 / p99" in whole microseconds: the page queries take tens of µs, below 0.01 ms steps. */
export const microseconds = ({ p50, p99 }: { p50: number; p99: number }) =>
	`${Math.round(p50 * 1000)} / ${Math.round(p99 * 1000)}`;

export function printTable(title: string, header: string[], rows: string[][]) {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(
		`\n${title}\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`
	);
}
