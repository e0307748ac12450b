import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { checkId } from '../../ids.ts';
import { availableSlots } from '../../slots.ts';
import { slotWindow } from '../../slot-window.ts';
import { visibleAppointment } from '../../views.ts';

export const Query: QueryResolvers = {
  availableSlots: (_p, args, ctx) => availableSlots(ctx.db, { ...args, now: ctx.now() }),
  appointment: (_p, { id }, ctx) => visibleAppointment(ctx, checkId('id', id)),
  slotWindow: (_p, args, ctx) => slotWindow(ctx.db, args),
};
