// Public satisfaction feedback: a unit's codes, one-time tokens (hashes only) and anonymous responses.
import { defineEntity, p } from '@mikro-orm/core';

export const PublicFeedbackCode = defineEntity({
  name: 'PublicFeedbackCode',
  tableName: 'public_feedback_code',
  properties: {
    code: p.text().primary(),
    unitId: p.text(),
    instansiId: p.text().nullable(),
    regionCode: p.text(),
    serviceName: p.text(),
    active: p.boolean().default(true),
    createdBy: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export const PublicFeedbackToken = defineEntity({
  name: 'PublicFeedbackToken',
  tableName: 'public_feedback_token',
  properties: {
    tokenHash: p.text().primary(),
    code: p.text(),
    clientKey: p.text(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});

export const PublicFeedbackResponse = defineEntity({
  name: 'PublicFeedbackResponse',
  tableName: 'public_feedback_response',
  properties: {
    id: p.uuid().primary(),
    code: p.text(),
    unitId: p.text(),
    month: p.text(),
    rating: p.integer(),
    comment: p.text().nullable(),
  },
});

/** This database's one secret for the rate limit's client keys (an HMAC key; Migration0010). */
export const PublicFeedbackSecret = defineEntity({
  name: 'PublicFeedbackSecret',
  tableName: 'public_feedback_secret',
  properties: {
    id: p.boolean().primary().default(true),
    secret: p.text(),
  },
});
