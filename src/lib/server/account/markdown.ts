import type { buildJournal, buildPlan } from '../learning/journal';
import type { Tried } from '../learning/try-it';

/**
 * Learner text goes into Markdown as literal text: the characters that could open HTML, a link,
 * an image, code, emphasis or strikethrough are backslash-escaped, so a viewer that renders the
 * file shows the text as typed. Viewers that follow GitHub's rules also link bare URLs, `www.`
 * names and e-mail addresses (an escaped `:` before `//`, `.` after `www` or `@` stops that), and
 * read a line of only `=` or `-` as underlining the line above into a heading (its first mark is
 * escaped). Other hyphens, colons and dots stay readable: at most they make a list.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_[\]#!|<>&~@]/g, '\\$&')
		.replace(/:(?=\/\/)/g, '\\:')
		.replace(/(www)\./gi, '$1\\.')
		.replace(/^([ \t]*)([=-])(?=(?:[ \t]*\2)*[ \t]*\r?$)/gm, '$1\\$2');
}

function quoted(text: string): string {
	return text.trim()
		? escapeMarkdown(text)
				.split('\n')
				.map((line) => `> ${line}`)
				.join('\n')
		: '> _(not written yet)_';
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** "How did it go?" answers, under a heading of the given level. */
function triedMarkdown(tried: Tried[], heading: string, level: '#' | '##'): string[] {
	if (!tried.length) return [];
	const out = [`${level} ${heading}`, ''];
	for (const t of tried) {
		out.push(
			`${level}# ${escapeMarkdown(t.lessonTitle)}: ${escapeMarkdown(t.item)}`,
			'',
			quoted(t.outcome),
			'',
			`_Answered ${day(t.answeredAt)}_`,
			''
		);
	}
	return out;
}

export function journalMarkdown(
	username: string,
	journal: ReturnType<typeof buildJournal>,
	tried: Tried[] = [],
	now = new Date()
): string {
	const out = [
		`# Heard journal — ${escapeMarkdown(username)}`,
		'',
		`Exported ${day(now)}. Private: keep this file somewhere safe.`,
		''
	];
	for (const module of journal.modules) {
		out.push(`## ${escapeMarkdown(module.title)}`, '');
		for (const lesson of module.lessons) {
			out.push(`### ${escapeMarkdown(lesson.title)}`, '');
			for (const entry of lesson.entries) {
				out.push(
					`**${escapeMarkdown(entry.prompt)}**`,
					'',
					quoted(entry.body),
					'',
					`_Last edited ${entry.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC_`,
					''
				);
			}
		}
	}
	out.push(...triedMarkdown(tried, 'Things I tried', '##'));
	if (journal.orphans.length) {
		out.push('## From lessons that have since changed', '');
		for (const o of journal.orphans) out.push(quoted(o.body), '');
	}
	return out.join('\n');
}

export function planMarkdown(
	plan: ReturnType<typeof buildPlan>,
	journal: ReturnType<typeof buildJournal>,
	tried: Tried[] = []
): string {
	const out = ['# My plan', ''];
	for (const item of plan.items)
		out.push(`## ${escapeMarkdown(item.prompt)}`, '', quoted(item.answer), '');
	out.push(...triedMarkdown(tried, 'What I tried, and how it went', '#'));
	if (journal.modules.length) {
		out.push('# What I noticed along the way', '');
		for (const module of journal.modules)
			for (const lesson of module.lessons)
				for (const entry of lesson.entries)
					out.push(
						`## ${escapeMarkdown(lesson.title)}: ${escapeMarkdown(entry.prompt)}`,
						'',
						quoted(entry.body),
						''
					);
	}
	return out.join('\n');
}
