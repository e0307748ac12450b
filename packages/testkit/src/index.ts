export * from './graphql-client.ts';
export * from './provided.ts';
export * from './events.ts';
export * from './accounts.ts';
export * from './mail.ts';
export * from './subscriptions.ts';
export * from './seed.ts';
export * from './generated/operations.ts';
