export * from './catalog.ts';
export * from './consumer.ts';
export * from './envelope.ts';
export * from './processed-events.ts';
export * from './topics.ts';
export * from './outbox.ts';
export * from './relay.ts';
export * from './dispatch.ts';
