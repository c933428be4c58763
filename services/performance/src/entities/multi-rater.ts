// Multi-rater (360°) feedback rounds, their named raters, and the anonymous responses with their scores.
import { defineEntity, p } from '@mikro-orm/core';
import { raterRelations } from '../domain/multi-rater.ts';
import { berakhlakBehaviours } from '../domain/skp-plan.ts';

export const FeedbackRound = defineEntity({
  name: 'FeedbackRound',
  tableName: 'feedback_round',
  properties: {
    id: p.uuid().primary(),
    skpId: p.uuid(),
    period: p.text(),
    minResponses: p.integer(),
    openedBy: p.text(),
    openedAt: p.datetime().onCreate(() => new Date()),
    closedBy: p.text().nullable(),
    closedAt: p.datetime().nullable(),
  },
});

export const FeedbackRater = defineEntity({
  name: 'FeedbackRater',
  tableName: 'feedback_rater',
  properties: {
    roundId: p.uuid().primary(),
    raterEmployeeId: p.text().primary(),
    relation: p.enum(raterRelations),
    responded: p.boolean().default(false),
  },
});

/** No rater and no time: nothing ties a response to who gave it. */
export const FeedbackResponse = defineEntity({
  name: 'FeedbackResponse',
  tableName: 'feedback_response',
  properties: {
    id: p.uuid().primary(),
    roundId: p.uuid(),
    comment: p.text().nullable(),
  },
});

export const FeedbackScore = defineEntity({
  name: 'FeedbackScore',
  tableName: 'feedback_score',
  properties: {
    responseId: p.uuid().primary(),
    behaviour: p.enum(berakhlakBehaviours).primary(),
    score: p.integer(),
  },
});
