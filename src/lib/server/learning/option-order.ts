import { createHash } from 'node:crypto';

/**
 * The order a learner sees a question's options in: shuffled per learner and per question, so
 * where the right answer sits tells nothing, yet the same on every device and every visit (it is
 * worked out from the learner's id, not stored). Lesson files stay balanced either way.
 */
export function optionOrder(userId: string, questionKey: string, optionIds: string[]): string[] {
	const digest = createHash('sha256').update(`${userId}\0${questionKey}`).digest();
	const order = [...optionIds];
	// Fisher–Yates, drawing each swap from two bytes of the digest.
	for (let i = order.length - 1; i > 0; i--) {
		const j = digest.readUInt16BE((2 * i) % (digest.length - 1)) % (i + 1);
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}
