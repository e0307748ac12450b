import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** A subscription sent over HTTP is a client mistake (400), not a gateway failure (500). */
export function subscriptionsOverWebSocketOnly<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at this same URL, not over HTTP.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
