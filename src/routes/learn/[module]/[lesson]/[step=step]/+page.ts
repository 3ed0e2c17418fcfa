import { lessonModule } from '$lib/course/lesson-module';
import { stepHref } from '$lib/course/urls';
import { exerciseViews } from '$lib/course/view';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, params }) => {
	const lesson = await lessonModule(data.lesson.file);
	const { exerciseStates, ...rest } = data;
	const asked = lesson.metadata.exercises.filter((e) => e.id in exerciseStates);
	const { number, total } = data.step;
	const href = (n: number) => stepHref({ moduleSlug: params.module, slug: params.lesson }, n);
	return {
		...rest,
		lesson: { ...rest.lesson, sources: lesson.metadata.sources },
		steps: data.steps.map((s, i) => ({ ...s, href: href(i + 1), current: i + 1 === number })),
		back: number > 1 ? href(number - 1) : null,
		forward: number < total ? href(number + 1) : null,
		body: lesson.default,
		exercise: exerciseViews(asked, exerciseStates)[0] ?? null,
		// Offered on a finished lesson's last step.
		tryThisWeek: data.step.kind === 'finish' ? lesson.metadata.tryThisWeek : []
	};
};
