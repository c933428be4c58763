// The diklat catalogue: a programme trains one competency up to a target level in a number of JP.
import { defineEntity, p } from '@mikro-orm/core';

export const TrainingProgramme = defineEntity({
  name: 'TrainingProgramme',
  tableName: 'training_programme',
  indexes: [
    { name: 'training_programme_code_idx', properties: ['code'] },
    { name: 'training_programme_fit_idx', properties: ['competencyCode', 'targetLevel', 'hours'], where: 'active' },
  ],
  checks: [
    { name: 'training_programme_target_level_check', expression: '(target_level >= 1) AND (target_level <= 5)' },
    { name: 'training_programme_hours_check', expression: '(hours >= 1) AND (hours <= 1000)' },
  ],
  properties: {
    id: p.uuid().primary(),
    // Unique along each line of regions, not nationally (Migration0004ProgrammeCodePerRegion).
    code: p.text(),
    name: p.text(),
    competencyCode: p.text(),
    targetLevel: p.smallint(),
    hours: p.integer(),
    deliveryMode: p.text(),
    regionCode: p.text().default('ID'),
    active: p.boolean().default(true),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
