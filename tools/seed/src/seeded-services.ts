// The services the seed loads, on their own so the command line can name them without importing the
// services' bulk loaders (MikroORM and all): `--help` and a usage error answer at once.
export const SEEDED_SERVICES = ['personnel', 'competency', 'performance', 'attendance', 'remuneration'] as const;
export type SeededService = (typeof SEEDED_SERVICES)[number];
