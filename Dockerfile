# syntax=docker/dockerfile:1
# One image recipe for every workspace of the monorepo. The build arg WORKSPACE names the workspace
# folder: services/personnel, services/competency, gateway, tools/deploy-check (Kafka topic-init), or
# web (with --target web). Services run their TypeScript directly with Node 24 type stripping
# (`node src/main.ts`), so there is no compile step; only generated files are built here:
# the protobuf code (proto/gen), the gateway's supergraph and the web bundle.
#
#   docker build --build-arg WORKSPACE=services/personnel -t kinerja-asn/personnel .
#   docker build --build-arg WORKSPACE=web --target web -t kinerja-asn/web .

ARG NODE_IMAGE=node:24-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

# ---- build: full install of the workspace (dev dependencies too), then its generated files ----
FROM ${NODE_IMAGE} AS build
ARG WORKSPACE
# The web bundle reads these at build time; they are the URLs the browser uses.
ARG VITE_GRAPHQL_URL=http://localhost:4000/graphql
ARG VITE_KEYCLOAK_URL=http://localhost:8180
# Empty = same origin: the web image's nginx proxies /exports/ to the competency service
# (and /exports/tpp-payroll to the remuneration service).
ARG VITE_COMPETENCY_EXPORT_URL=
ARG VITE_REMUNERATION_EXPORT_URL=
RUN test -n "$WORKSPACE" || { echo "build arg WORKSPACE is required, e.g. --build-arg WORKSPACE=services/personnel" >&2; exit 1; }
WORKDIR /app
COPY . .
RUN test -f "$WORKSPACE/package.json" || { echo "WORKSPACE=$WORKSPACE is not a workspace folder" >&2; exit 1; }
# npm ci limited to the workspace (its @kinerja/* workspace dependencies come along) and proto, whose
# generator runs below. The root's devDependencies (the node@24 binary, turbo, eslint) are not needed.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --workspace=proto --workspace="$WORKSPACE" --include-workspace-root=false --no-audit --no-fund
# proto/gen, gateway/supergraph.graphql (composed from services/*/schema.graphql; a composition error
# fails the image build) and web/dist are generated here, never committed.
RUN npm run build --if-present --workspace=proto \
 && npm run build --if-present --workspace="$WORKSPACE" \
 && mkdir -p /out \
 && for generated in proto/gen gateway/supergraph.graphql web/dist; do \
      if [ -e "$generated" ]; then cp -r --parents "$generated" /out/; fi; \
    done

# ---- web: the static bundle behind an unprivileged nginx (listens on 8080) ----
FROM ${NGINX_IMAGE} AS web
COPY deploy/docker/nginx-web.conf /etc/nginx/conf.d/default.conf
COPY --from=build /out/web/dist /usr/share/nginx/html
# The unprivileged image already runs as nginx (uid 101); said here so nobody has to look it up.
USER 101
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1

# ---- service (default target): production dependencies only, non-root ----
FROM ${NODE_IMAGE} AS service
ARG WORKSPACE
ENV NODE_ENV=production
WORKDIR /app
# Sources stay owned by root and read-only for the `node` user the process runs as.
COPY . .
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --workspace=proto --workspace="$WORKSPACE" --include-workspace-root=false --no-audit --no-fund
COPY --from=build /out/ ./
WORKDIR /app/${WORKSPACE}
USER node
# PORT comes from the environment (docs/conventions.md); /healthz answers while the process lives.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/main.ts"]
