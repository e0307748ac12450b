import type { ApolloServerPlugin } from '@apollo/server';
import { currentRequestId, type Logger } from '@medappt/platform';

interface CompletionError {
  readonly message?: string;
  readonly path?: readonly (string | number)[];
}

/**
 * @apollo/gateway reports a null it had to put where the schema promises a value (a subgraph
 * broke its contract, e.g. `Patient.name` missing) only under `extensions.valueCompletion`, and
 * only when no subgraph reported an error: a client then sees `data: null` and no `errors`.
 * Such a null is an error of ours, so it is moved into `errors`, with the request id, and logged.
 */
export function valueCompletionAsErrors<TContext extends object>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const completion = result.extensions?.['valueCompletion'] as readonly CompletionError[] | undefined;
          if (!completion?.length) return;
          const { valueCompletion: _dropped, ...extensions } = result.extensions ?? {};
          const requestId = currentRequestId();
          logger.error({ valueCompletion: completion.map((e) => ({ message: e.message, path: e.path })) }, 'a subgraph returned null for a non-null field');
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
          result.errors = [
            ...(result.errors ?? []),
            ...completion.map((e) => ({
              message: `Part of this answer could not be completed (${e.message ?? 'a required value was missing'}). Quote request id ${requestId ?? 'unknown'} when reporting it.`,
              ...(e.path ? { path: e.path } : {}),
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
            })),
          ];
        },
      };
    },
  };
}
