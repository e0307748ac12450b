import { loadConfig, serviceEnv, z, type Env } from '@medappt/platform';
import { DEFAULT_FEEDBACK_POLICY } from './domain/feedback-rules.ts';

const days = z.coerce.number().int().positive();

export const feedbackEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4007),
  // Required here rather than at start-up so a missing value is reported with every other bad variable.
  USERS_JWKS_URL: serviceEnv.shape.USERS_JWKS_URL.unwrap(),
  /** How long after a visit was completed its patient may rate it. */
  FEEDBACK_WINDOW_DAYS: days.default(DEFAULT_FEEDBACK_POLICY.windowDays),
  /** How long after submitting a patient may still change their feedback. */
  FEEDBACK_EDIT_DAYS: days.default(DEFAULT_FEEDBACK_POLICY.editDays),
});

export type FeedbackConfig = z.infer<typeof feedbackEnv>;

export function loadFeedbackConfig(env?: Env): FeedbackConfig {
  return loadConfig('feedback', feedbackEnv, env);
}
