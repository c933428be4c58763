// The SKP (per employee, year and assignment), its RHK and indicators, the supervisor's BerAKHLAK
// expectations and the history of every transition (who, when, note).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { berakhlakBehaviours, indicatorAspects, rhkKinds } from '../domain/skp-plan.ts';
import { skpActingAsValues, skpStatuses } from '../domain/skp-lifecycle.ts';

export const Skp = defineEntity({
  name: 'Skp',
  tableName: 'skp',
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    year: p.integer(),
    // Snapshot of the assignment when the SKP was created: position, unit, instansi, region.
    positionId: p.text().nullable(),
    unitId: p.text().nullable(),
    instansiId: p.text().nullable(),
    regionCode: p.text(),
    /** The direct supervisor who approves and rates; snapshotted at creation and at approval. */
    raterEmployeeId: p.text().nullable(),
    /** At the top of the chain (no supervisor): the admin-kepegawaian who approved, by username. */
    raterAdmin: p.text().nullable(),
    status: p.enum(skpStatuses),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type SkpEntity = InferEntity<typeof Skp>;

export const Rhk = defineEntity({
  name: 'Rhk',
  tableName: 'rhk',
  properties: {
    id: p.uuid().primary(),
    skpId: p.uuid(),
    kind: p.enum(rhkKinds),
    text: p.text(),
    supportsRhkId: p.uuid().nullable(),
    goalId: p.uuid().nullable(),
    sortOrder: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RhkEntity = InferEntity<typeof Rhk>;

export const Indicator = defineEntity({
  name: 'Indicator',
  tableName: 'indicator',
  properties: {
    id: p.uuid().primary(),
    rhkId: p.uuid(),
    text: p.text(),
    aspect: p.enum(indicatorAspects),
    target: p.decimal('number'),
    unit: p.text(),
    quarterlyTargets: p.json<number[]>().nullable(),
    sortOrder: p.integer(),
  },
});
export type IndicatorEntity = InferEntity<typeof Indicator>;

export const BehaviourExpectation = defineEntity({
  name: 'BehaviourExpectation',
  tableName: 'behaviour_expectation',
  properties: {
    skpId: p.uuid().primary(),
    behaviour: p.enum(berakhlakBehaviours).primary(),
    expectation: p.text(),
  },
});

export const SkpEvent = defineEntity({
  name: 'SkpEvent',
  tableName: 'skp_event',
  properties: {
    id: p.uuid().primary(),
    skpId: p.uuid(),
    action: p.text(),
    fromStatus: p.text().nullable(),
    toStatus: p.text(),
    actorUsername: p.text(),
    actorEmployeeId: p.text().nullable(),
    actingAs: p.enum(skpActingAsValues),
    note: p.text().nullable(),
    occurredAt: p.datetime().onCreate(() => new Date()),
  },
});
export type SkpEventEntity = InferEntity<typeof SkpEvent>;

export const OrgGoal = defineEntity({
  name: 'OrgGoal',
  tableName: 'org_goal',
  properties: {
    id: p.uuid().primary(),
    unitId: p.text(),
    year: p.integer(),
    text: p.text(),
    indicator: p.text(),
    target: p.decimal('number').nullable(),
    targetUnit: p.text().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
