import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, lessonHref } from '../../src/lib/course/catalog';
import { readCourseFiles } from '../../src/lib/course/read-files';
import { SAFETY_LESSON_HREF } from '../../src/lib/safety';

/**
 * Two promises the safety issue makes about every lesson and page: a mention of the safety lesson
 * is a link to it, and nothing promises that nobody else will read what a learner writes (anyone
 * who can open the device or the account can).
 */

const ROOT = process.cwd();
const files = readCourseFiles(ROOT);
const catalog = buildCatalog(files);
const safetyLesson = catalog.lessons.find((l) => lessonHref(l) === SAFETY_LESSON_HREF);

/** Ways of naming the safety lesson. */
const MENTION =
	/safety (?:lesson|module)|lesson on (?:abuse|safety)|when silence becomes abuse|safety and your plan module/gi;

/** Promises of a privacy the app cannot keep. */
const PROMISES = [
	/\b(?:nobody|no one|no-one)(?: else)? (?:will|can|could|is able to) (?:ever )?(?:read|see)\b/gi,
	/\bonly you (?:will |can |could )?(?:ever )?(?:read|see)\b/gi,
	/\b(?:only )?(?:visible|readable) (?:only )?(?:to|by) you\b/gi,
	/\b(?:completely|totally|fully|entirely|100%) private\b/gi,
	/\bprivate to you\b/gi,
	/\bfor your eyes only\b/gi,
	/\b(?:is|are|gets?) (?:never )?shared with (?:anyone|anybody|no one|nobody)\b/gi,
	/\bnever (?:be )?(?:seen|read) by (?:anyone|anybody)\b/gi
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HREF = escape(SAFETY_LESSON_HREF);
/** A Markdown link to the safety lesson, and an HTML one (a literal href, or the shared constant). */
const MARKDOWN_LINK = new RegExp(`\\[[^\\]]*\\]\\(${HREF}(?:#[^)]*)?\\)`, 'g');
const HTML_LINK = new RegExp(
	`<a\\b[^>]*href=(?:"${HREF}(?:#[^"]*)?"|\\{SAFETY_LESSON_HREF\\})[^>]*>[\\s\\S]*?</a>`,
	'g'
);

const found = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[0]);

/** Mentions of the safety lesson left once every link to it is taken out. */
export function unlinkedMentions(text: string): string[] {
	return found(text.replace(MARKDOWN_LINK, '').replace(HTML_LINK, ''), MENTION);
}

export function privacyPromises(text: string): string[] {
	return PROMISES.flatMap((p) => found(text, p));
}

/** What a page shows: markup without its scripts, styles and comments (code comments may name the lesson). */
function pageText(path: string, source: string): string {
	if (path.endsWith('.svelte')) {
		return source
			.replace(/<script[\s\S]*?<\/script>/g, '')
			.replace(/<style[\s\S]*?<\/style>/g, '')
			.replace(/<!--[\s\S]*?-->/g, '');
	}
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]
	);
}
const SOURCES = [...walk(join(ROOT, 'src/routes')), ...walk(join(ROOT, 'src/lib/components'))]
	.filter((p) => /\.(svelte|ts|js)$/.test(p) && !/\.test\.ts$/.test(p))
	.map((p) => ({ path: relative(ROOT, p), source: readFileSync(p, 'utf8') }));
const LESSONS = Object.entries(files.lessons).map(([path, source]) => ({
	path: path.slice(1),
	source
}));

describe('the detectors', () => {
	// A check that can never fail proves nothing: show each one catching what it is for.
	it('find an unlinked mention, and pass a linked one', () => {
		expect(unlinkedMentions('See the safety module for more.')).toEqual(['safety module']);
		expect(unlinkedMentions('Read [when silence becomes abuse](/help).')).toEqual([
			'when silence becomes abuse'
		]);
		expect(unlinkedMentions(`Read [the safety lesson](${SAFETY_LESSON_HREF}).`)).toEqual([]);
		expect(
			unlinkedMentions(`<a class="x" href="${SAFETY_LESSON_HREF}">The lesson on abuse</a>`)
		).toEqual([]);
	});

	it('find a privacy promise', () => {
		expect(privacyPromises('Nobody else will read them.')).toHaveLength(1);
		expect(privacyPromises('Private: only you can read what you write here.')).toHaveLength(1);
		expect(privacyPromises('No one else can see your answers.')).toHaveLength(1);
		expect(privacyPromises('Nothing you write here is shared with anyone.')).toHaveLength(1);
		expect(privacyPromises('Anyone who can open this device or account can read it.')).toEqual([]);
	});
});

describe('the safety lesson', () => {
	it('is where every link to it points', () => {
		expect(safetyLesson, SAFETY_LESSON_HREF).toBeDefined();
		expect(safetyLesson?.open).toBe(true);
	});
});

describe.each(
	LESSONS.filter((l) => l.path !== safetyLesson?.file.slice(1)).map((l) => [l.path, l] as const)
)('%s', (_path, lesson) => {
	it('links every mention of the safety lesson (frontmatter text cannot link: name Get help there instead)', () => {
		expect(unlinkedMentions(lesson.source)).toEqual([]);
	});
});

describe.each([...LESSONS, ...SOURCES].map((f) => [f.path, f] as const))('%s', (_path, file) => {
	it('promises no privacy it cannot keep', () => {
		expect(privacyPromises(file.source)).toEqual([]);
	});
});

describe.each(SOURCES.map((f) => [f.path, f] as const))('%s', (path, file) => {
	it('links every mention of the safety lesson', () => {
		expect(unlinkedMentions(pageText(path, file.source))).toEqual([]);
	});
});
