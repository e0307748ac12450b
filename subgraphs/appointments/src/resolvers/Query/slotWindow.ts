import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { openSlotWindow } from '../../use-cases/open-slot-window.ts';

export const slotWindow: NonNullable<QueryResolvers['slotWindow']> = (_parent, args, ctx) => openSlotWindow(ctx, args);
