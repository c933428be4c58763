import { gql } from '@urql/core';

// The only operations the gateway runs without a token (gateway/src/auth/anonymous-operations.ts): each
// document selects nothing but the allow-listed root field.

export interface PublicFeedbackFormData {
  publicFeedbackForm: { code: string; serviceName: string } | null;
}

export const publicFeedbackFormQuery = gql<PublicFeedbackFormData, { code: string }>`
  query FormUmpanBalik($code: String!) {
    publicFeedbackForm(code: $code) {
      code
      serviceName
    }
  }
`;

export interface StartPublicFeedbackData {
  startPublicFeedback: { token: string; expiresAt: string };
}

export const startPublicFeedbackMutation = gql<StartPublicFeedbackData, { code: string }>`
  mutation MulaiUmpanBalik($code: String!) {
    startPublicFeedback(code: $code) {
      token
      expiresAt
    }
  }
`;

export interface SubmitPublicFeedbackData {
  submitPublicFeedback: { serviceName: string; message: string };
}

export const submitPublicFeedbackMutation = gql<SubmitPublicFeedbackData, { token: string; rating: number; comment: string | null }>`
  mutation KirimUmpanBalik($token: String!, $rating: Int!, $comment: String) {
    submitPublicFeedback(token: $token, rating: $rating, comment: $comment) {
      serviceName
      message
    }
  }
`;
