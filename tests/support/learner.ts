import { parse } from 'devalue';
import { buildCatalog, onePageHref } from '../../src/lib/course/catalog';
import { readCourseFiles } from '../../src/lib/course/read-files';
import type { Question } from '../../src/lib/course/schema';

export const catalog = buildCatalog(readCourseFiles(process.cwd()));
export const lesson = catalog.lessons[0];
/** The whole first lesson on one page: where its forms are sent (they are the same on each step). */
export const lessonPath = onePageHref(lesson);
export const reflectionIds = lesson.exercises
	.filter((e) => e.kind === 'reflection')
	.map((e) => e.id);
export const questions = lesson.exercises.filter(
	(e): e is Question => e.kind === 'single' || e.kind === 'multiple'
);

export const PASSWORD = 'steady river 77';

export interface ActionResult {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	data?: Record<string, unknown>;
	location?: string;
}

/** A learner speaking HTTP the way the enhanced forms do, holding a session cookie. */
export class Learner {
	cookie = '';
	constructor(public username: string) {}

	async post(
		base: string,
		path: string,
		fields: Record<string, string | string[]>
	): Promise<ActionResult> {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
		const res = await fetch(`${base}${path}`, {
			method: 'POST',
			headers: {
				origin: base,
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true',
				accept: 'application/json',
				cookie: this.cookie
			},
			body,
			redirect: 'manual'
		});
		const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('heard_session='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await res.text();
		if (!res.headers.get('content-type')?.includes('application/json')) {
			return { type: 'error', status: res.status };
		}
		const json = JSON.parse(text);
		return { ...json, data: json.data ? parse(json.data) : undefined };
	}

	async get(base: string, path: string) {
		return fetch(`${base}${path}`, { headers: { cookie: this.cookie }, redirect: 'manual' });
	}

	/** Signs up and is shown the safety check (as after the recovery code), so the course opens at once. */
	async signUp(base: string) {
		const result = await this.post(base, '/signup', {
			username: this.username,
			password: PASSWORD
		});
		if (result.type === 'success') await (await this.get(base, '/safety-check')).body?.cancel();
		return result;
	}

	signIn(base: string, password = PASSWORD) {
		return this.post(base, '/login', { username: this.username, password });
	}

	reflect(base: string, exercise: string, body: string, revision: number) {
		return this.post(base, `${lessonPath}?/reflect`, {
			exercise,
			body,
			revision: String(revision)
		});
	}

	answer(base: string, question: Question, correctly: boolean) {
		const options = correctly
			? question.options.filter((o) => o.correct)
			: [question.options.find((o) => !o.correct)!];
		return this.post(base, `${lessonPath}?/answer`, {
			exercise: question.id,
			option: options.map((o) => o.id)
		});
	}
}
