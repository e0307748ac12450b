import { notificationCreatedV1, parsePayloadV1, Topics, type NotificationCreatedV1 } from '@medappt/platform';
import { liveField } from './live-field.ts';

/** `notificationReceived`: the signed-in account's own new inbox items, read as `notification(id)` with its token. */
export const notificationReceived = liveField<Record<string, never>, NotificationCreatedV1>({
  name: 'notificationReceived',
  topics: [Topics.notifications],
  payload: { entityField: null, queryField: 'notification', arguments: 'id' },
  accept: (_args, viewer, problem) =>
    viewer
      ? { args: {} }
      : {
          refusal: {
            code: 'UNAUTHENTICATED',
            message: problem ?? 'Sign in to follow your inbox: send an access token in connection_init ({ "authorization": "Bearer ..." }).',
          },
        },
  // Only ever one's own items: the key is the subscriber's account, never an argument.
  listensOn: (_args, viewer) => [`account:${viewer?.userId ?? ''}`],
  scope: (_args, viewer) => `account:${viewer?.userId ?? ''}`,
  eventOf: (envelope) => (envelope.type === 'notification.created' ? parsePayloadV1(envelope, notificationCreatedV1) : null),
  touches: (event) => [`account:${event.recipientId}`],
  readingOf: (event) => ({ entityId: event.notificationId, statics: { __typename: 'Notification' } }),
});
