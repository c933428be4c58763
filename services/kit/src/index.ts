// The kit's own modules; events live in `@kinerja/kit/events` (owned separately).
export * from './config.ts';
export * from './errors.ts';
export * from './auth.ts';
export * from './scoping.ts';
export * from './dates.ts';
export * from './ids.ts';
export * from './db.ts';
export * from './loaders.ts';
export * from './server.ts';
