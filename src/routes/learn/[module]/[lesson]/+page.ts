import type { Component } from 'svelte';
import type { ExerciseText } from '$lib/course/public-text.js';
import { exerciseViews } from '$lib/course/view';
import type { PageLoad } from './$types';

interface LessonModule {
	default: Component;
	/** What the exercises ask (see public-text.js); the server data holds the learner's state. */
	metadata: { exercises: ExerciseText[]; tryThisWeek: { id: string; text: string }[] };
}

// Lazy: each lesson is its own chunk, loaded only when opened.
const lessons = import.meta.glob<LessonModule>('/lessons/*/*.svx');

// import() of a module already loaded still goes through the module loader: keep what it gave.
const loaded = new Map<string, LessonModule>();

export const load: PageLoad = async ({ data }) => {
	let lesson = loaded.get(data.lesson.file);
	if (!lesson) {
		lesson = await lessons[data.lesson.file]();
		loaded.set(data.lesson.file, lesson);
	}
	const { exerciseStates, ...rest } = data;
	return { ...rest, body: lesson.default, exercises: exerciseViews(lesson.metadata.exercises, exerciseStates), tryThisWeek: lesson.metadata.tryThisWeek };
};
