import { expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/course/catalog';
import { courseProblems } from '../../src/lib/course/course-check';
import { readCourseFiles } from '../../src/lib/course/read-files';

// The same check `vite build` runs: quiz cues, practice conversations, things to try.
it('the course passes the course check', () => {
	const problems = courseProblems(buildCatalog(readCourseFiles(process.cwd())));
	expect(problems, problems.join('\n')).toEqual([]);
});
