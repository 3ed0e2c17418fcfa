import { lessonModule } from '$lib/course/lesson-module';
import { exerciseViews } from '$lib/course/view';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const lesson = await lessonModule(data.lesson.file);
	const { exerciseStates, ...rest } = data;
	const asked = lesson.metadata.exercises.filter((e) => e.id in exerciseStates);
	return {
		...rest,
		lesson: { ...rest.lesson, sources: lesson.metadata.sources },
		body: lesson.default,
		exercise: exerciseViews(asked, exerciseStates)[0] ?? null,
		// Offered on a finished lesson's last step.
		tryThisWeek: data.step.kind === 'finish' ? lesson.metadata.tryThisWeek : []
	};
};
