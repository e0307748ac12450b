import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Whether any selection of the document (fragments included) asks for the schema itself. */
export function asksForIntrospection(document: DocumentNode): boolean {
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(selection.name.value)) return true;
      return 'selectionSet' in selection && selection.selectionSet ? walk(selection.selectionSet) : false;
    });
  return document.definitions.some((definition) => 'selectionSet' in definition && walk(definition.selectionSet));
}

/**
 * Production: the schema is told to signed-in accounts only (an IDE user signs in first);
 * `__typename` stays, since clients need it to tell union members apart.
 */
export function introspectionForSignedInOnly<TContext extends { readonly anonymous: boolean }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ document }) {
          if (contextValue.anonymous && asksForIntrospection(document)) {
            throw new GraphQLError('Introspection is available to signed-in accounts only: send an access token (Authorization: Bearer ...).', {
              extensions: { code: 'INTROSPECTION_DISABLED', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

/** "Did you mean ...?" names fields a caller did not know of: not for anonymous callers in production. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean .*\?$/s, '');
}

export function noSuggestionsForAnonymous<TContext extends { readonly anonymous: boolean }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (!contextValue.anonymous || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({ ...error, message: withoutSuggestions(error.message) }));
        },
      };
    },
  };
}
