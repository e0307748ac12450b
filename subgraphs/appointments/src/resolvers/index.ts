import { DateScalar, DateTimeScalar } from '@medappt/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Mutation } from './Mutation/index.ts';
import { Query } from './Query/index.ts';
import { Appointment, Availability, Clinic, Doctor, Patient, Slot, SlotWindow, StatusChange, TimeOff, User, WaitlistEntry } from './types/index.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query,
  Mutation,
  Slot,
  SlotWindow,
  Doctor,
  Patient,
  Availability,
  TimeOff,
  Appointment,
  StatusChange,
  Clinic,
  WaitlistEntry,
  User,
  BookingResult: { __resolveType: (result) => ('__typename' in result && result.__typename === 'SlotUnavailable' ? 'SlotUnavailable' : 'Appointment') },
};
