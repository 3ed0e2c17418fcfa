/**
 * Every number on /help, each checked against the service's own page or, where none could be
 * found, its funder's or a public body's (the README lists which). Hours are given only where such
 * a page stated them; otherwise /help points to the service's site. Links use the short code itself
 * or tel: in international form, and sms: as RFC 5724 writes it, so a phone dials or texts at a tap.
 */

export interface Way {
	/** What the link says, e.g. "Call 0808 2000 247". */
	label: string;
	href: string;
}

export interface Line {
	where: string;
	name: string;
	ways: Way[];
	/** When it is open, as its own page says; or, where that could not be confirmed, where to look. */
	hours: { text: string } | { site: string; href: string };
}

export const EMERGENCY: { number: string; where: string }[] = [
	{ number: '911', where: 'US and Canada' },
	{ number: '999', where: 'UK' },
	{ number: '112', where: 'EU and many other countries' },
	{ number: '000', where: 'Australia' }
];

export const CRISIS_LINES: Line[] = [
	{
		where: 'US and Canada',
		name: '988 Suicide and Crisis Lifeline (US), 9-8-8 Suicide Crisis Helpline (Canada)',
		ways: [
			{ label: 'Call 988', href: 'tel:988' },
			{ label: 'Text 988', href: 'sms:988' }
		],
		hours: { text: 'Free, 24 hours a day.' }
	},
	{
		where: 'UK and Ireland',
		name: 'Samaritans',
		ways: [{ label: 'Call 116 123', href: 'tel:116123' }],
		hours: { text: 'Free, 24 hours a day, every day.' }
	}
];

export const ABUSE_LINES: Line[] = [
	{
		where: 'United States',
		name: 'National Domestic Violence Hotline',
		ways: [
			{ label: 'Call 1-800-799-7233', href: 'tel:+18007997233' },
			{ label: 'Text START to 88788', href: 'sms:88788?body=START' }
		],
		hours: { text: '24 hours a day, by call, text or chat.' }
	},
	{
		where: 'United Kingdom',
		name: 'National Domestic Abuse Helpline',
		ways: [{ label: 'Call 0808 2000 247', href: 'tel:+448082000247' }],
		hours: { text: 'Free, 24 hours a day.' }
	},
	{
		where: 'Australia',
		name: '1800RESPECT',
		ways: [
			{ label: 'Call 1800 737 732', href: 'tel:+611800737732' },
			{ label: 'Text 0458 737 732', href: 'sms:+61458737732' }
		],
		hours: { text: '24 hours a day.' }
	},
	{
		where: 'United Kingdom, for men',
		name: "Men's Advice Line",
		ways: [{ label: 'Call 0808 801 0327', href: 'tel:+448088010327' }],
		hours: { site: 'mensadviceline.org.uk', href: 'https://mensadviceline.org.uk/' }
	},
	{
		where: 'United Kingdom, for LGBT+ people',
		name: 'Galop, National LGBT+ Domestic Abuse Helpline',
		ways: [{ label: 'Call 0800 999 5428', href: 'tel:+448009995428' }],
		hours: { site: 'galop.org.uk', href: 'https://www.galop.org.uk/' }
	}
];
