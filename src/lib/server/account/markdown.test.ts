import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './markdown';

// What GitHub's rules (GFM) would turn into markup, and the escaped text that stays literal there.
// (Checked by rendering the output with a GFM parser: each escaped form shows as typed, no link, no heading.)
describe('learner text in Markdown exports', () => {
	it('keeps bare URLs, www. names and e-mail addresses from becoming links', () => {
		expect(escapeMarkdown('see https://example.com/x and http://a.b')).toBe(
			'see https\\://example.com/x and http\\://a.b'
		);
		expect(escapeMarkdown('HTTPS://EXAMPLE.COM, ftp://f.example')).toBe(
			'HTTPS\\://EXAMPLE.COM, ftp\\://f.example'
		);
		expect(escapeMarkdown('go to www.example.org or (WWW.example.org)')).toBe(
			'go to www\\.example.org or (WWW\\.example.org)'
		);
		expect(escapeMarkdown('write to me@example.com')).toBe('write to me\\@example.com');
		// Plain colons and dots stay as they are.
		expect(escapeMarkdown('Note: one thing. Then 3:30.')).toBe('Note: one thing. Then 3:30.');
	});

	it('keeps a line of = or - from turning the line above into a heading (or a rule)', () => {
		expect(escapeMarkdown('Title\n===')).toBe('Title\n\\===');
		expect(escapeMarkdown('Title\n---')).toBe('Title\n\\---');
		expect(escapeMarkdown('Title\n=')).toBe('Title\n\\=');
		expect(escapeMarkdown('Title\n   ----   ')).toBe('Title\n   \\----   ');
		expect(escapeMarkdown('Title\r\n---\r\nmore')).toBe('Title\r\n\\---\r\nmore');
		expect(escapeMarkdown('Title\n- - -')).toBe('Title\n\\- - -');
		// Lists, dashes inside a line, and mixed lines are left readable.
		expect(escapeMarkdown('- one\n- two\na - b\n-=-')).toBe('- one\n- two\na - b\n-=-');
	});

	it('keeps strikethrough marks literal', () => {
		expect(escapeMarkdown('~~not struck~~')).toBe('\\~\\~not struck\\~\\~');
	});
});
