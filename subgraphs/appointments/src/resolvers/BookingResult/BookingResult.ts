import type { BookingResultResolvers } from '../../generated/resolvers-types.ts';

export const BookingResult: BookingResultResolvers = {
  __resolveType: (result) => ('__typename' in result && result.__typename === 'SlotUnavailable' ? 'SlotUnavailable' : 'Appointment'),
};
