/**
 * Whether a test-wise reader could pass the quizzes without reading a lesson: the cues such a
 * reader uses (the longest option, a favourite position, absolute words in wrong options, the same
 * opening in every right answer's feedback), measured over the whole course. Plain JS so that
 * `npm run course:report` can run it with node alone; the content tests hold it to LIMITS.
 */

/**
 * @typedef {{ id: string, text: string, correct?: boolean, feedback: string }} Option
 * @typedef {{ id: string, kind: 'single' | 'multiple', question: string, options: Option[] }} Question
 * @typedef {{ file: string, questions: Question[] }} LessonQuestions
 */

export const LIMITS = {
	/** Share of single-choice questions whose right option is strictly the longest. */
	rightIsLongest: 0.35,
	/** Mean, over single-choice questions, of the right option's length over the wrong ones' mean length. */
	lengthRatio: 1.2,
	/** Share of single-choice answers at the most used position. */
	topPosition: 0.4,
	/** Share of multi-select questions whose last option is wrong. */
	multiLastWrong: 0.7,
	/** Share of wrong options with an absolute word, minus the share of right options with one. */
	absoluteGap: 0.15,
	/** Share of right-answer feedbacks that open with the most common first word. */
	sameOpening: 0.25
};

/** Words a test-wise reader takes as a sign of a wrong option. */
export const ABSOLUTE_WORDS =
	/\b(always|never|must|proof|proves?|everything|nothing|completely|totally|entirely|guaranteed?|impossible|certainly|definitely)\b/i;

/** @param {string} s */
const length = (s) => [...s.trim()].length;
/** @param {number[]} xs */
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
/** @param {string} s */
const openingWord = (s) => (s.trim().match(/^[\p{L}’']+/u)?.[0] ?? '').toLowerCase();

/**
 * @param {LessonQuestions[]} lessons
 */
export function quizBalance(lessons) {
	const all = lessons.flatMap((l) => l.questions.map((q) => ({ file: l.file, q })));
	const singles = all.filter(({ q }) => q.kind === 'single');
	const multis = all.filter(({ q }) => q.kind === 'multiple');

	const perSingle = singles.map(({ file, q }) => {
		const right = q.options.find((o) => o.correct);
		const wrong = q.options.filter((o) => !o.correct);
		const rightLength = right ? length(right.text) : 0;
		const wrongLengths = wrong.map((o) => length(o.text));
		return {
			file,
			id: q.id,
			position: q.options.findIndex((o) => o.correct),
			options: q.options.length,
			longest: rightLength > Math.max(...wrongLengths),
			ratio: rightLength / (mean(wrongLengths) || 1)
		};
	});

	const positions = /** @type {Record<string, number>} */ ({});
	for (const s of perSingle) positions[s.position + 1] = (positions[s.position + 1] ?? 0) + 1;
	const topPosition = Math.max(0, ...Object.values(positions)) / (singles.length || 1);

	const options = all.flatMap(({ q }) => q.options);
	const rightOptions = options.filter((o) => o.correct);
	const wrongOptions = options.filter((o) => !o.correct);
	const absoluteShare = /** @param {Option[]} os */ (os) =>
		os.filter((o) => ABSOLUTE_WORDS.test(o.text)).length / (os.length || 1);

	const openings = /** @type {Record<string, number>} */ ({});
	for (const o of rightOptions)
		openings[openingWord(o.feedback)] = (openings[openingWord(o.feedback)] ?? 0) + 1;
	const [commonOpening, commonCount] = Object.entries(openings).sort((a, b) => b[1] - a[1])[0] ?? [
		'',
		0
	];

	const figures = {
		questions: all.length,
		single: singles.length,
		multiple: multis.length,
		rightIsLongest: perSingle.filter((s) => s.longest).length / (singles.length || 1),
		lengthRatio: mean(perSingle.map((s) => s.ratio)),
		positions,
		topPosition,
		multiLastWrong:
			multis.filter(({ q }) => !q.options.at(-1)?.correct).length / (multis.length || 1),
		absoluteInRight: absoluteShare(rightOptions),
		absoluteInWrong: absoluteShare(wrongOptions),
		absoluteGap: absoluteShare(wrongOptions) - absoluteShare(rightOptions),
		commonOpening,
		sameOpening: commonCount / (rightOptions.length || 1)
	};

	/** @type {string[]} */
	const failures = [];
	const over = /** @param {keyof typeof LIMITS} key @param {string} what */ (key, what) => {
		const value = figures[key];
		if (value > LIMITS[key]) failures.push(`${what}: ${value.toFixed(2)} (limit ${LIMITS[key]})`);
	};
	over('rightIsLongest', 'share of single-choice questions whose right option is the longest');
	over('lengthRatio', 'right option length over the mean wrong length, averaged');
	over(
		'topPosition',
		`share of single-choice answers at one position (${JSON.stringify(positions)})`
	);
	over('multiLastWrong', 'share of multi-select questions whose last option is wrong');
	over(
		'absoluteGap',
		`absolute words: in ${figures.absoluteInWrong.toFixed(2)} of wrong options against ${figures.absoluteInRight.toFixed(2)} of right ones; gap`
	);
	over('sameOpening', `share of right-answer feedbacks opening with "${commonOpening}"`);

	const worst = perSingle
		.filter((s) => s.longest)
		.sort((a, b) => b.ratio - a.ratio)
		.slice(0, 10)
		.map(
			(s) =>
				`${s.file}: ${s.id}: right option is the longest, ${s.ratio.toFixed(2)}x the wrong ones`
		);
	return { figures, failures, worst };
}

/** The figures as a Markdown table, for the README's course section. */
export function balanceTable(/** @type {ReturnType<typeof quizBalance>['figures']} */ f) {
	const pct = /** @param {number} x */ (x) => `${Math.round(x * 100)}%`;
	return [
		'| measure | course | limit |',
		'|---|---|---|',
		`| single-choice questions whose right option is the longest | ${pct(f.rightIsLongest)} | ${pct(LIMITS.rightIsLongest)} |`,
		`| right option's length over the wrong ones' (mean) | ${f.lengthRatio.toFixed(2)} | ${LIMITS.lengthRatio} |`,
		`| single-choice answers at the most used position | ${pct(f.topPosition)} | ${pct(LIMITS.topPosition)} |`,
		`| multi-select questions whose last option is wrong | ${pct(f.multiLastWrong)} | ${pct(LIMITS.multiLastWrong)} |`,
		`| absolute words: wrong options minus right options | ${(f.absoluteGap * 100).toFixed(0)} points | ${LIMITS.absoluteGap * 100} points |`,
		`| right-answer feedbacks sharing one opening word | ${pct(f.sameOpening)} | ${pct(LIMITS.sameOpening)} |`
	].join('\n');
}
