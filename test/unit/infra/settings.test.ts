import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, settingsProblems } from '../../../infra/settings';

describe('settings from CDK context', () => {
  it('defaults to values that work locally', () => {
    expect(readSettings(new App().node)).toEqual(DEFAULT_SETTINGS);
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('reads -c key=value overrides, numbers included', () => {
    const app = new App({
      context: { sender: 'events@example.org', rsvpEmail: 'rsvp@mail.example.org', requestsEmail: 'new@mail.example.org', mailDomain: 'mail.example.org', maxActiveEvents: '7' },
    });
    expect(readSettings(app.node)).toMatchObject({
      sender: 'events@example.org',
      rsvpEmail: 'rsvp@mail.example.org',
      requestsEmail: 'new@mail.example.org',
      defaultLimits: { maxActiveEvents: 7 },
    });
  });

  it('names every bad key in one error', () => {
    const app = new App({ context: { sender: 'nobody', maxActiveEvents: 0, apiKeyExpiryDays: 400, rsvpEmail: 'rsvp@elsewhere.com', acceptanceDigestMinutes: 0 } });
    expect(() => readSettings(app.node)).toThrowError(
      /sender: must be an email address[\s\S]*rsvpEmail: must be an address on mailDomain[\s\S]*maxActiveEvents: must be an integer[\s\S]*apiKeyExpiryDays: must be an integer from 1 to 365[\s\S]*acceptanceDigestMinutes: must be an integer from 1 to 10080/,
    );
  });
});
