// How a lesson's reading is cut into steps. A new part starts at each `## ` heading, and at a
// thematic break (`---`, `***` or `___` on a line of its own), which an author can set inside a
// long section. The server counts parts from the Markdown (markdownParts); the compiled lesson
// shows one part at a time from its HTML (splitLessonHtml). Both cut at the same places, and a
// unit test compiles every lesson to hold them to it. Plain JS: svelte.config.js imports it.

const HEADING = /^##\s+(.+?)\s*#*\s*$/;
const BREAK = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;

/**
 * The parts of a lesson body (the Markdown after its frontmatter), each with the title of the
 * section it belongs to: null before the first heading.
 * @param {string} markdown
 * @returns {{ title: string | null, continued: boolean }[]}
 */
export function markdownParts(markdown) {
	/** @type {{ title: string | null, continued: boolean, text: string }[]} */
	const parts = [{ title: null, continued: false, text: '' }];
	for (const line of markdown.split(/\r?\n/)) {
		const heading = HEADING.exec(line);
		const current = parts[parts.length - 1];
		if (heading) parts.push({ title: plain(heading[1]), continued: false, text: '' });
		else if (BREAK.test(line)) parts.push({ title: current.title, continued: true, text: '' });
		else current.text += line;
	}
	// A body that opens with a heading has nothing before it: no empty first step.
	if (!parts[0].text.trim()) parts.shift();
	return parts.map(({ title, continued }) => ({ title, continued }));
}

/** @param {string} markdown */
const plain = (markdown) => markdown.replace(/[*_`]/g, '').trim();

/**
 * Wraps each part of the compiled lesson (mdsvex's HTML) in `{#if}` on the component's `part`
 * prop: no `part` renders the whole lesson (the one-page view), a number renders that part alone.
 * Thematic breaks only cut; they are not drawn. Lines to avoid get the class `avoid`, so the page
 * can set them apart from words to try by more than colour.
 * @param {string} markup the component source mdsvex produced
 * @returns {string}
 */
export function splitLessonHtml(markup) {
	const scriptsEnd = lastScriptEnd(markup);
	const head = markup.slice(0, scriptsEnd);
	const html = markQuotes(markup.slice(scriptsEnd));
	const pieces = html.split(/(?=<h2[\s>])|<hr\s*\/?>/);
	if (!pieces[0].trim()) pieces.shift();
	const body = pieces
		.map((piece, i) => `{#if part === undefined || part === ${i}}${piece}{/if}`)
		.join('\n');
	return `${head}\n<script>\n\tlet { part = undefined } = $props();\n</script>\n${body}`;
}

/** @param {string} markup */
function lastScriptEnd(markup) {
	let end = 0;
	const scripts = /<script[\s\S]*?<\/script>/g;
	for (let match = scripts.exec(markup); match; match = scripts.exec(markup)) {
		if (markup.slice(end, match.index).trim()) break; // scripts only lead the file
		end = match.index + match[0].length;
	}
	return end;
}

const AVOID = /\b(avoid|watch for|let go of|gentle with)\b/i;

/**
 * Marks each line to avoid: a quote introduced as one, by the paragraph just before it (ending in
 * a colon) or else by its section's heading. Other quotes are words to try or examples; they keep
 * the plain quote style.
 * @param {string} html
 */
function markQuotes(html) {
	let section = '';
	const quote = /<h2[^>]*>([\s\S]*?)<\/h2>|(<p>(?:(?!<p>)[\s\S])*?<\/p>\s*)?<blockquote>/g;
	return html.replace(quote, (match, heading, before) => {
		if (heading !== undefined) {
			section = heading;
			return match;
		}
		const intro = before && /:\s*<\/p>\s*$/.test(before) ? before : section;
		return AVOID.test(intro) ? `${before ?? ''}<blockquote class="avoid">` : match;
	});
}
