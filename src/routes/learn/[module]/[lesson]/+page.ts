import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Lazy: each lesson body is its own chunk, loaded only when opened.
const bodies = import.meta.glob<{ default: Component }>('/lessons/*/*.svx');

// import() of a module already loaded still goes through the module loader: keep what it gave.
const loaded = new Map<string, Component>();

export const load: PageLoad = async ({ data }) => {
	let body = loaded.get(data.lesson.file);
	if (!body) {
		body = (await bodies[data.lesson.file]()).default;
		loaded.set(data.lesson.file, body);
	}
	return { ...data, body };
};
