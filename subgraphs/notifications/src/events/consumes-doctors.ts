import type { EventHandlers } from '@medappt/platform';
import type { NotificationsTx } from '../repository/db.ts';
import { saveClinic, saveDoctor, saveService } from '../repository/read-models.ts';

/** doctors.events.v1: what messages name (doctors, services) and where and when visits are (clinics: place, time zone). */
export function doctorEventHandlers(tx: NotificationsTx): EventHandlers {
  return {
    'doctor.saved': (p) => saveDoctor(tx, p),
    'clinic.saved': (p) => saveClinic(tx, p),
    'service.saved': (p) => saveService(tx, p),
  };
}
