// Build step (`npm run build -w @kinerja/gateway`): composes services/*/schema.graphql into
// gateway/supergraph.graphql, or prints every composition error and exits non-zero.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, readSubgraphSources } from './supergraph/composition.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const outputPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

const sources = readSubgraphSources(servicesDir);
if (sources.length === 0) {
  // Early in the project no subgraph has a schema yet; that is not a composition error.
  console.warn('no services/*/schema.graphql yet; supergraph not composed');
  process.exit(0);
}
const outcome = composeSupergraph(sources);
if (!outcome.ok) {
  console.error(`supergraph composition failed (${outcome.errors.length} error(s)):`);
  for (const error of outcome.errors) console.error(`  - ${error}`);
  process.exit(1);
}
writeFileSync(outputPath, outcome.supergraphSdl);
console.log(`supergraph composed from ${sources.map((s) => s.name).join(', ')} -> ${outputPath}`);
if (outcome.hints.length > 0) console.log(`${outcome.hints.length} composition hint(s) (not errors)`);
