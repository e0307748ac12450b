import type { Logger, Sender } from '@medappt/platform';

/** SMS has the same contract as email (platform `emailSender`); without a gateway the message goes to the log. */
export function logSmsSender(logger: Logger): Sender {
  return {
    provider: 'log',
    send: async (m) => void logger.info({ channel: 'SMS', to: m.to, text: `${m.subject}: ${m.text}` }, 'sms (no gateway configured: logged)'),
  };
}
