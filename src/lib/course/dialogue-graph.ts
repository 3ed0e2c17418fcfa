/**
 * The shape of a practice conversation as a graph: turns are nodes, each choice an edge to the
 * next turn or to an ending. A conversation is sound when every choice leads somewhere, every turn
 * and ending can be reached from the start, and an ending can be reached from every turn (so no
 * loop traps the learner).
 */

export interface DialogueShape {
	start: string;
	turns: { id: string; partner?: string; choices: { id: string; next?: string; end?: string }[] }[];
	endings: { id: string }[];
}

export interface DialogueProblem {
	path: (string | number)[];
	message: string;
}

export function dialogueProblems(d: DialogueShape): DialogueProblem[] {
	const problems: DialogueProblem[] = [];
	const turnIndex = new Map(d.turns.map((t, i) => [t.id, i]));
	const endingIds = new Set(d.endings.map((e) => e.id));

	d.turns.forEach((turn, t) =>
		turn.choices.forEach((choice, c) => {
			const at = ['turns', t, 'choices', c];
			if ((choice.next === undefined) === (choice.end === undefined)) {
				problems.push({
					path: at,
					message: 'leads nowhere: give it either `next` (a turn) or `end` (an ending), not both'
				});
			} else if (choice.next !== undefined && !turnIndex.has(choice.next)) {
				problems.push({
					path: [...at, 'next'],
					message: `"${choice.next}" is not a turn of this conversation`
				});
			} else if (choice.end !== undefined && !endingIds.has(choice.end)) {
				problems.push({
					path: [...at, 'end'],
					message: `"${choice.end}" is not an ending of this conversation`
				});
			}
		})
	);
	const startIndex = turnIndex.get(d.start);
	if (startIndex === undefined) {
		problems.push({ path: ['start'], message: `"${d.start}" is not a turn of this conversation` });
		return problems;
	}
	if (!d.turns[startIndex].partner)
		problems.push({
			path: ['turns', startIndex, 'partner'],
			message: 'the partner speaks first: the start turn needs a line'
		});
	if (problems.length) return problems;

	// Forward from the start: what can be reached at all.
	const reached = new Set<string>([d.start]);
	const endingsReached = new Set<string>();
	const queue = [d.start];
	while (queue.length) {
		const turn = d.turns[turnIndex.get(queue.shift()!)!];
		for (const choice of turn.choices) {
			if (choice.end) endingsReached.add(choice.end);
			else if (!reached.has(choice.next!)) {
				reached.add(choice.next!);
				queue.push(choice.next!);
			}
		}
	}
	d.turns.forEach((turn, i) => {
		if (!reached.has(turn.id))
			problems.push({
				path: ['turns', i],
				message: `turn "${turn.id}" cannot be reached from the start`
			});
	});
	d.endings.forEach((ending, i) => {
		if (!endingsReached.has(ending.id))
			problems.push({ path: ['endings', i], message: `ending "${ending.id}" cannot be reached` });
	});

	// Backward from the endings: a turn from which no ending can be reached is a loop with no way out.
	const canFinish = new Set<string>();
	let grew = true;
	while (grew) {
		grew = false;
		for (const turn of d.turns) {
			if (canFinish.has(turn.id)) continue;
			if (turn.choices.some((c) => c.end !== undefined || canFinish.has(c.next!))) {
				canFinish.add(turn.id);
				grew = true;
			}
		}
	}
	d.turns.forEach((turn, i) => {
		if (reached.has(turn.id) && !canFinish.has(turn.id)) {
			problems.push({
				path: ['turns', i],
				message: `turn "${turn.id}" is in a loop with no way out: no ending can be reached from it`
			});
		}
	});
	return problems;
}

/** The most learner turns on any path from the start that visits no turn twice. */
export function longestPathTurns(d: DialogueShape): number {
	const byId = new Map(d.turns.map((t) => [t.id, t]));
	const walk = (id: string, seen: Set<string>): number => {
		const turn = byId.get(id);
		if (!turn || seen.has(id)) return 0;
		seen.add(id);
		const deepest = Math.max(0, ...turn.choices.map((c) => (c.next ? walk(c.next, seen) : 0)));
		seen.delete(id);
		return 1 + deepest;
	};
	return walk(d.start, new Set());
}
