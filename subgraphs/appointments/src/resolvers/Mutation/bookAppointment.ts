import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/book-appointment.ts';

export const bookAppointment: NonNullable<MutationResolvers['bookAppointment']> = (_parent, { input }, ctx) => useCase.bookAppointment(ctx, input);
