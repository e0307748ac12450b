import { DateTimeScalar } from '@medappt/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { AdminAction } from './AdminAction/AdminAction.ts';
import { Clinic } from './Clinic/Clinic.ts';
import { ClinicPrice } from './ClinicPrice/ClinicPrice.ts';
import { Doctor } from './Doctor/Doctor.ts';
import { DoctorConnection } from './DoctorConnection/DoctorConnection.ts';
import { MedicalService } from './MedicalService/MedicalService.ts';
import { assignServices } from './Mutation/assignServices.ts';
import { createClinic } from './Mutation/createClinic.ts';
import { createDoctor } from './Mutation/createDoctor.ts';
import { deactivateClinic } from './Mutation/deactivateClinic.ts';
import { createService } from './Mutation/createService.ts';
import { deactivateDoctor } from './Mutation/deactivateDoctor.ts';
import { deactivateService } from './Mutation/deactivateService.ts';
import { removeClinicPrice } from './Mutation/removeClinicPrice.ts';
import { setClinicPrice } from './Mutation/setClinicPrice.ts';
import { unassignService } from './Mutation/unassignService.ts';
import { updateClinic } from './Mutation/updateClinic.ts';
import { updateDoctor } from './Mutation/updateDoctor.ts';
import { updateService } from './Mutation/updateService.ts';
import { clinic } from './Query/clinic.ts';
import { clinics } from './Query/clinics.ts';
import { doctor } from './Query/doctor.ts';
import { doctors } from './Query/doctors.ts';
import { doctorsAdminLog } from './Query/doctorsAdminLog.ts';
import { service } from './Query/service.ts';
import { services } from './Query/services.ts';
import { specialties } from './Query/specialties.ts';
import { User } from './User/User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { doctors, doctor, specialties, services, service, clinics, clinic, doctorsAdminLog },
  Mutation: {
    createClinic,
    updateClinic,
    createService,
    updateService,
    deactivateService,
    createDoctor,
    deactivateClinic,
    updateDoctor,
    deactivateDoctor,
    assignServices,
    unassignService,
    setClinicPrice,
    removeClinicPrice,
  },
  Doctor,
  DoctorConnection,
  Clinic,
  ClinicPrice,
  MedicalService,
  User,
  AdminAction,
};
