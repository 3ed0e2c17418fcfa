// A lesson's addresses, in a module of their own so that pages can build them in the browser
// without loading the catalog (and its YAML and schema code) there.

/** Which lesson: its module's slug and its own, as in the URL. */
export interface LessonSlugs {
	moduleSlug: string;
	slug: string;
}

/** Where a lesson lives: it opens at the learner's next step there. */
export function lessonHref(lesson: LessonSlugs): string {
	return `/learn/${lesson.moduleSlug}/${lesson.slug}`;
}

/** One step of a lesson, counted from 1. */
export function stepHref(lesson: LessonSlugs, step: number): string {
	return `${lessonHref(lesson)}/${step}`;
}

/** The whole lesson on one page. */
export function onePageHref(lesson: LessonSlugs): string {
	return `${lessonHref(lesson)}/all`;
}
