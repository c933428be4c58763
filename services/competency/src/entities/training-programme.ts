// The diklat catalogue: a programme trains one competency up to a target level in a number of JP.
import { defineEntity, p } from '@mikro-orm/core';

export const TrainingProgramme = defineEntity({
  name: 'TrainingProgramme',
  tableName: 'training_programme',
  properties: {
    id: p.uuid().primary(),
    code: p.text().unique(),
    name: p.text(),
    competencyCode: p.text(),
    targetLevel: p.smallint(),
    hours: p.integer(),
    deliveryMode: p.text(),
    regionCode: p.text(),
    active: p.boolean(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
