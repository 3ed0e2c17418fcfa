import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

// As the SvelteKit template sets it up (`npx sv add eslint`), plus a rule against import cycles.
export default ts.config(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint: "no-undef" is TypeScript's job, and it knows the types ESLint does not.
			'no-undef': 'off',
			// A leading underscore names what is left out on purpose (`{ order: _order, ...rest }`).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			],
			// The app is served at the root (no `paths.base`), so a plain href is already what
			// resolve() would return; wrapping ninety links in it would say nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Modules that import each other cannot be read, tested or changed one at a time.
		plugins: { 'import-x': importX },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
			'import-x/extensions': ['.ts', '.js'],
			// Modules a component imports are TypeScript: read them as such, not as components.
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js'] },
			// Components are leaves (they import modules, never the reverse); the graph that can
			// loop is the modules'.
			'import-x/ignore': ['\\.svelte$']
		},
		rules: { 'import-x/no-cycle': 'error' }
	}
);
