import { createGlobalSetup } from '@kinerja/local-infra/vitest-global-setup';

export default createGlobalSetup(['postgres']);
