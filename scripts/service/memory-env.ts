/**
 * The memory settings `npm start` runs the server with (package.json spells them out; a test keeps the two
 * equal), for the scripts and the bench that start it the same way:
 * - MALLOC_ARENA_MAX=2: few glibc arenas, so freed render buffers are not spread over one arena a thread;
 * - MALLOC_MMAP_THRESHOLD_=131072: buffers past 128 KB (pixmaps, pictures, PNG rows) are mapped on their own
 *   and go back to the system when freed; glibc's sliding threshold otherwise moves them into the arenas, where
 *   they stay (the heavy load case held 1,010 MB 30 s after it ended without it, 444 MB with it and the threads'
 *   idle collection);
 * - a 256 MB V8 old space, so V8 collects rather than growing toward its default ceiling.
 */
export const SERVICE_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' } as const
export const SERVICE_NODE_OPTIONS = '--max-old-space-size=256'
