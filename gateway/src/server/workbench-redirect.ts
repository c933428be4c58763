import type { RequestHandler } from 'express';

/**
 * GET /graphql that prefers HTML (a browser's address bar) → 302 to the workbench, keeping the query
 * string (`?query=…` opens there). Clients asking for JSON, or anything (`*\/*`), go on to the API.
 */
export function redirectBrowsersTo(workbenchUrl: string): RequestHandler {
  return (req, res, next) => {
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const target = new URL(workbenchUrl);
    if (search !== '') target.search = search;
    res.redirect(302, target.toString());
  };
}
