import { lessonModule } from '$lib/course/lesson-module';
import { exerciseViews } from '$lib/course/view';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const lesson = await lessonModule(data.lesson.file);
	const { exerciseStates, ...rest } = data;
	return {
		...rest,
		lesson: { ...rest.lesson, sources: lesson.metadata.sources },
		body: lesson.default,
		exercises: exerciseViews(lesson.metadata.exercises, exerciseStates),
		tryThisWeek: lesson.metadata.tryThisWeek
	};
};
