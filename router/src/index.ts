import { runRouter } from './workers.ts';

await runRouter();
