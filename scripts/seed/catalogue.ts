/** The demo data: four clinics in four time zones, a service catalogue and 50 doctors across specialties. */

export const clinics = [
  {
    name: 'Praxisklinik Mitte',
    address: 'Friedrichstraße 100, 10117 Berlin',
    timeZone: 'Europe/Berlin',
    phone: '+49 30 1234567',
    currency: 'EUR',
    languages: ['German', 'English'],
  },
  {
    name: 'Hudson Medical Center',
    address: '350 5th Ave, New York, NY 10118',
    timeZone: 'America/New_York',
    phone: '+1 212 555 0100',
    currency: 'USD',
    languages: ['English', 'Spanish'],
  },
  {
    name: 'Park Street Clinic',
    address: '22 Park Street, Kolkata 700016',
    timeZone: 'Asia/Kolkata',
    phone: '+91 33 2229 0000',
    currency: 'INR',
    languages: ['English', 'Hindi', 'Bengali'],
  },
  {
    name: 'Harbour Health Sydney',
    address: '1 Macquarie St, Sydney NSW 2000',
    timeZone: 'Australia/Sydney',
    phone: '+61 2 9999 0000',
    currency: 'AUD',
    languages: ['English'],
  },
] as const;

type Kind = 'CHECKUP' | 'SPECIALIST_CONSULTATION' | 'LAB_TEST' | 'FOLLOW_UP' | 'VACCINATION' | 'IMAGING' | 'OTHER';
const service = (name: string, kind: Kind, durationMinutes: number, euros: number, description: string) => ({
  name,
  kind,
  durationMinutes,
  price: { amountCents: euros * 100, currency: 'EUR' },
  description,
});

export const services = [
  service('General check-up', 'CHECKUP', 30, 60, 'A full examination with your family doctor.'),
  service('Follow-up visit', 'FOLLOW_UP', 15, 35, 'A short visit after a treatment or test.'),
  service('Blood test', 'LAB_TEST', 15, 25, 'Blood count and standard panel; results within two days.'),
  service('Flu vaccination', 'VACCINATION', 15, 20, 'The seasonal flu vaccine.'),
  service('Paediatric check-up', 'CHECKUP', 30, 55, 'Growth and development check for children.'),
  service('Cardiology consultation', 'SPECIALIST_CONSULTATION', 45, 120, 'Heart examination with ECG.'),
  service('Dermatology consultation', 'SPECIALIST_CONSULTATION', 30, 90, 'Skin, hair and nail examination.'),
  service('Orthopaedic consultation', 'SPECIALIST_CONSULTATION', 40, 110, 'Joints, bones and back.'),
  service('Neurology consultation', 'SPECIALIST_CONSULTATION', 45, 130, 'Headaches, nerves and the brain.'),
  service('Eye examination', 'SPECIALIST_CONSULTATION', 30, 70, 'Vision test and eye health check.'),
  service('Mental health consultation', 'SPECIALIST_CONSULTATION', 50, 100, 'A confidential first conversation.'),
  service('Chest X-ray', 'IMAGING', 20, 80, 'Two-view chest radiograph.'),
  service('Knee MRI', 'IMAGING', 45, 300, 'Magnetic resonance imaging of one knee.'),
];
type ServiceName = (typeof services)[number]['name'];

// Local list prices per euro of the catalogue price, rounded to whole units: set prices, not exchange rates.
const perEuro: Record<string, number> = { USD: 1.1, AUD: 1.7, INR: 95 };

/** What each service costs at each clinic whose currency is not the catalogue's (EUR): its price list. */
export function clinicPriceList(): { clinic: string; service: ServiceName; price: { amountCents: number; currency: string } }[] {
  return clinics.flatMap((clinic) => {
    const rate = perEuro[clinic.currency];
    if (!rate) return [];
    return services.map((s) => ({
      clinic: clinic.name,
      service: s.name,
      price: { amountCents: Math.round((s.price.amountCents / 100) * rate) * 100, currency: clinic.currency },
    }));
  });
}

/** Each specialty and the services its doctors offer. */
export const specialties: Record<string, ServiceName[]> = {
  'General Practice': ['General check-up', 'Follow-up visit', 'Blood test', 'Flu vaccination'],
  Cardiology: ['Cardiology consultation', 'Follow-up visit', 'Blood test'],
  Dermatology: ['Dermatology consultation', 'Follow-up visit'],
  Paediatrics: ['Paediatric check-up', 'Flu vaccination', 'Follow-up visit'],
  Orthopaedics: ['Orthopaedic consultation', 'Knee MRI', 'Follow-up visit'],
  Neurology: ['Neurology consultation', 'Follow-up visit'],
  Ophthalmology: ['Eye examination', 'Follow-up visit'],
  Psychiatry: ['Mental health consultation', 'Follow-up visit'],
  Radiology: ['Chest X-ray', 'Knee MRI'],
  Endocrinology: ['Blood test', 'Follow-up visit'],
};

// Accented names on purpose: the directory search must find "José Müller" when a patient types "jose muller".
const firstNames = ['José', 'Zoë', 'François', 'Inés', 'Björn', 'Łucja', 'Priya', 'Chloé', 'Mateo', 'Aoife'];
const lastNames = ['Müller', 'Ångström', 'Dubois', 'Peña', 'Sørensen', 'Wójcik', 'Banerjee', 'Lefèvre', 'García', "O'Brien"];

export interface SeedDoctor {
  name: string;
  email: string;
  specialties: string[];
  clinic: (typeof clinics)[number];
  languages: string[];
  qualifications: string[];
  bio: string;
  services: ServiceName[];
}

/** An ASCII mailbox for a name: "José Müller" → jose.muller. */
export function emailLocalPart(name: string): string {
  const special: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', đ: 'd' };
  return name
    .toLowerCase()
    .replace(/[øłßæđ]/g, (c) => special[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export function seedDoctors(count = 50): SeedDoctor[] {
  const specialtyNames = Object.keys(specialties);
  return Array.from({ length: count }, (_, i) => {
    // Distinct pairs for i < 100: the tens shift the surname.
    const name = `${firstNames[i % 10]} ${lastNames[(i + Math.floor(i / 10)) % 10]}`;
    const specialty = specialtyNames[(i * 3 + Math.floor(i / 10)) % specialtyNames.length]!;
    const second = i % 3 === 0 ? specialtyNames[(i + 3) % specialtyNames.length]! : null;
    const clinic = clinics[i % clinics.length]!;
    return {
      name,
      email: `${emailLocalPart(name)}@doctors.clinic.local`,
      specialties: second ? [specialty, second] : [specialty],
      clinic,
      languages: [...clinic.languages, ...(i % 4 === 1 ? ['French'] : [])],
      qualifications: [`MD (${2000 + (i % 20)})`, `Board certification in ${specialty}`],
      bio: `${name} practises ${specialty.toLowerCase()}${second ? ` and ${second.toLowerCase()}` : ''} at ${clinic.name}.`,
      services: [...new Set([...specialties[specialty]!, ...(second ? specialties[second]! : [])])],
    };
  });
}
