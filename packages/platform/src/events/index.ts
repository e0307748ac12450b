export * from './catalog.ts';
export * from './consumer.ts';
export * from './envelope.ts';
export * from './processed-events.ts';
export * from './topics.ts';
