/** p50 and p99 of a list of milliseconds, rounded to 0.01 ms. */
export function percentiles(ms: number[]) {
	const sorted = [...ms].sort((a, b) => a - b);
	const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
	return { p50: at(0.5), p99: at(0.99) };
}

export function printTable(title: string, header: string[], rows: string[][]) {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(`\n${title}\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
}
