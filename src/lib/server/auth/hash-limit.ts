import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/**
 * Argon2 takes ~19 MiB and tens of milliseconds of a core per hash. Running them one per core
 * at most keeps a burst of sign-ins from filling libuv's thread pool and starving every other
 * request; extra hashes wait their turn instead.
 */
export const limitHashing = pLimit(Math.max(1, availableParallelism()));
