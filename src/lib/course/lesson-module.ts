import type { Component } from 'svelte';
import type { ExerciseText, SourceText } from './public-text.js';

export interface LessonModule {
	/** The lesson's reading; `part` shows one part of it (a step), none shows it all. */
	default: Component<{ part?: number }>;
	/** What the exercises ask, and the sources (see public-text.js); the server data holds the learner's state. */
	metadata: {
		exercises: ExerciseText[];
		tryThisWeek: { id: string; text: string }[];
		sources: SourceText[];
	};
}

// Lazy: each lesson is its own chunk, loaded only when opened.
const lessons = import.meta.glob<LessonModule>('/lessons/*/*.svx');

// import() of a module already loaded still goes through the module loader: keep what it gave.
const loaded = new Map<string, LessonModule>();

/** The compiled lesson (its words and what its exercises ask) by its file, as the page data names it. */
export async function lessonModule(file: string): Promise<LessonModule> {
	let lesson = loaded.get(file);
	if (!lesson) {
		lesson = await lessons[file]();
		loaded.set(file, lesson);
	}
	return lesson;
}
