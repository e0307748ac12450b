export * from './graphql-client.ts';
export * from './provided.ts';
