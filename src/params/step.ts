import type { ParamMatcher } from '@sveltejs/kit';

/** A lesson's step number, from 1. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,2}$/.test(param);
