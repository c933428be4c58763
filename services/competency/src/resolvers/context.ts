// The request context the kit's server builds; this service adds nothing to it (loaders.ts reads through ctx.loaders).
import type { RequestContext } from '@kinerja/kit/server';

export type Context = RequestContext;
