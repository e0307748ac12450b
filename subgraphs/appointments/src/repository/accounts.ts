/**
 * The accounts read model (id, role, disabled) is the platform's, the same table in every
 * subgraph that keeps one: its reads and writes, listed here with this subgraph's own tables.
 */
export { arrivedAccount, saveAccount } from '@medappt/platform';
