/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_KEYCLOAK_URL?: string;
  readonly VITE_GRAPHQL_URL?: string;
  readonly VITE_COMPETENCY_EXPORT_URL?: string;
  readonly VITE_REMUNERATION_EXPORT_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
