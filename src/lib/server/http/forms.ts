import { error } from '@sveltejs/kit';

/**
 * Reads a submitted form that may hold only `allowed` text fields. A body that is not form
 * data, a file, or a field the form does not have is a 400 before anything is written.
 */
export async function readForm(request: Request, allowed: readonly string[]): Promise<FormData> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		// adapter-node fails the body stream with status 413 past BODY_SIZE_LIMIT.
		if ((e as { status?: number }).status === 413)
			error(413, 'That is more than this form can take. Nothing was saved.');
		error(400, 'The form could not be read. Please try again.');
	}
	for (const [name, value] of form) {
		if (!allowed.includes(name))
			error(400, `The form has a field it should not have (“${name.slice(0, 40)}”).`);
		if (typeof value !== 'string') error(400, 'Files cannot be sent here.');
	}
	return form;
}

/** A text field's value, or null when missing. */
export function textField(form: FormData, name: string): string | null {
	const value = form.get(name);
	return typeof value === 'string' ? value : null;
}
