import type { SlotResolvers } from '../../generated/resolvers-types.ts';

export const Slot: SlotResolvers = {
  doctor: (slot) => ({ id: slot.doctorId }),
  service: (slot) => ({ id: slot.serviceId }),
  clinic: (slot) => ({ id: slot.clinicId }),
};
