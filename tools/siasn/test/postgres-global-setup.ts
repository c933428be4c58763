import { createGlobalSetup } from '@kinerja/local-infra/vitest-global-setup';

// PostgreSQL for every suite; Kafka for the import's events (competency's read model) and the export's
// subgraph processes; Keycloak is the shared one the launcher finds.
export default createGlobalSetup(['postgres', 'kafka', 'keycloak']);
