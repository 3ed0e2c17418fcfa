import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Lazy: each lesson body is its own chunk, loaded only when opened.
const bodies = import.meta.glob<{ default: Component }>('/lessons/*/*.svx');

export const load: PageLoad = async ({ data }) => {
	const body = (await bodies[data.lesson.file]()).default;
	return { ...data, body };
};
