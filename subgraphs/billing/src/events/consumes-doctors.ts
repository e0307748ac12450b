import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type Logger } from '@medappt/platform';
import { removeClinicPrice, saveClinic, saveClinicPrice, saveDoctor, saveService } from '../repository/catalogue.ts';
import type { BillingDb } from '../repository/db.ts';

/** Keeps billing's copy of the catalogue: clinics (currency, zone), services and clinic prices, doctors' clinics. */
export function consumeDoctorsEvents(deps: { kafka: Kafka; db: BillingDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'billing.catalogue',
    topics: [Topics.doctors.name],
    async handle(event, tx) {
      const handled = await dispatchEvent(event, {
        'clinic.saved': (p) => saveClinic(tx, p),
        'service.saved': (p) => saveService(tx, p),
        'doctor.saved': (p) => saveDoctor(tx, p),
        'clinic_price.saved': (p) => saveClinicPrice(tx, p),
        'clinic_price.removed': (p) => removeClinicPrice(tx, p),
      });
      if (!handled) deps.logger.debug({ type: event.type }, 'catalogue event ignored');
    },
  });
}
