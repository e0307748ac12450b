import { describe, expect, it } from 'vitest';
import { seed, waitForEmail } from '@medappt/testkit';
import { c, isNotice } from './fixtures.ts';
import { completedVisit, inboxWith } from './visit-fixtures.ts';

describe('the invitation to rate a visit', () => {
  it('a completed visit → its patient is invited to rate it within the feedback window, in the inbox and by email', async () => {
    const p = await seed.clinic({ timeZone: 'Europe/Berlin' }).service().doctor().hours();
    const pat = await seed.patient();
    const id = await completedVisit(p, pat, 40);

    const items = await inboxWith(pat.accessToken, 'FEEDBACK_INVITE');
    const invite = items.find((n) => n.type === 'FEEDBACK_INVITE')!;
    expect(invite.appointmentId).toBe(id);
    expect(invite.subject).toMatch(/^How was your visit on \w+day, \d+ \w+ \d{4}\?$/);
    // 30 days from the completion, on the clinic's calendar (either side of a midnight passed since).
    const day = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
        new Date(ms + 30 * 86_400_000),
      );
    const until = invite.body.match(/within 30 days \(until (.+?)\)/)?.[1];
    expect([day(Date.now()), day(Date.now() - 120_000)]).toContain(until);
    expect(invite.body).toMatch(/Doctor: Dr\. \w+/);
    // The staff's reason for completing early is the clinic's record, not the patient's message.
    expect(invite.body).not.toContain('seen early');

    const email = await waitForEmail(pat.user.email!, (m) => isNotice(m) && m.subject === invite.subject);
    expect(email.text).toContain('rate it in the app within 30 days');
    // Nobody else is invited: the doctor's inbox has only the request.
    const doctorInbox = await c.call<{ me: { notifications: { type: string }[] } }>('{ me { notifications { type } } }', {}, { token: p.doctor.accessToken });
    expect(doctorInbox.data?.me.notifications.map((n) => n.type)).toEqual(['APPOINTMENT_REQUEST']);
  }, 60_000);
});
