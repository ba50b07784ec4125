// Recipient conditions and the accept/refuse decision of the active rule set.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-process
// https://docs.aws.amazon.com/ses/latest/APIReference/API_ReceiptRule.html
import { describe, expect, it } from 'vitest';
import type { ReceiptRuleConfig, RuleSetConfig } from '../../../../local/smtp/options';
import { applicableRules, decideRecipient, ruleCoversRecipient } from '../../../../local/smtp/receiptRules';

const rule = (name: string, recipients: string[], extra: Partial<ReceiptRuleConfig> = {}): ReceiptRuleConfig => ({
  name,
  enabled: true,
  recipients,
  scanEnabled: false,
  tlsPolicy: 'Optional',
  actions: [],
  ...extra,
});

describe('ruleCoversRecipient', () => {
  it('matches an address exactly (case-insensitively), a domain, and subdomains with a leading dot', () => {
    expect(ruleCoversRecipient(rule('r', ['rsvp@invites.example.com']), 'RSVP@Invites.Example.com')).toBe(true);
    expect(ruleCoversRecipient(rule('r', ['rsvp@invites.example.com']), 'other@invites.example.com')).toBe(false);
    expect(ruleCoversRecipient(rule('r', ['invites.example.com']), 'anyone@invites.example.com')).toBe(true);
    expect(ruleCoversRecipient(rule('r', ['invites.example.com']), 'anyone@sub.invites.example.com')).toBe(false);
    expect(ruleCoversRecipient(rule('r', ['.example.com']), 'anyone@invites.example.com')).toBe(true);
    expect(ruleCoversRecipient(rule('r', ['.example.com']), 'anyone@example.com')).toBe(false);
  });

  it('covers every address of the verified domains when a rule names no recipients', () => {
    expect(ruleCoversRecipient(rule('r', []), 'x@invites.example.com', ['invites.example.com'])).toBe(true);
    expect(ruleCoversRecipient(rule('r', []), 'x@elsewhere.test', ['invites.example.com'])).toBe(false);
    expect(ruleCoversRecipient(rule('r', []), 'x@elsewhere.test', [])).toBe(true);
  });
});

describe('decideRecipient', () => {
  const set: RuleSetConfig = {
    name: 'InboundRules',
    rules: [rule('rsvp', ['rsvp@invites.example.com']), rule('off', ['off@invites.example.com'], { enabled: false }), rule('secure', ['secure@invites.example.com'], { tlsPolicy: 'Require' })],
  };

  it('accepts recipients an enabled rule covers and refuses the others', () => {
    expect(decideRecipient(set, 'rsvp@invites.example.com', { secure: false })).toEqual({ accepted: true, rules: [set.rules[0]] });
    expect(decideRecipient(set, 'nobody@invites.example.com', { secure: false })).toEqual({ accepted: false, reason: 'no-matching-rule' });
    expect(decideRecipient(set, 'off@invites.example.com', { secure: false })).toEqual({ accepted: false, reason: 'no-matching-rule' });
    expect(decideRecipient(undefined, 'rsvp@invites.example.com', { secure: false })).toEqual({ accepted: false, reason: 'no-active-rule-set' });
  });

  it('refuses mail not sent over TLS to a rule with TlsPolicy Require', () => {
    expect(decideRecipient(set, 'secure@invites.example.com', { secure: false })).toEqual({ accepted: false, reason: 'tls-required' });
    expect(decideRecipient(set, 'secure@invites.example.com', { secure: true }).accepted).toBe(true);
  });
});

describe('applicableRules', () => {
  it('keeps the set order and gives each rule the recipients it matched', () => {
    const set: RuleSetConfig = { name: 's', rules: [rule('domain', ['invites.example.com']), rule('one', ['a@invites.example.com']), rule('off', [], { enabled: false })] };
    expect(applicableRules(set, ['a@invites.example.com', 'b@invites.example.com']).map((r) => [r.rule.name, r.recipients])).toEqual([
      ['domain', ['a@invites.example.com', 'b@invites.example.com']],
      ['one', ['a@invites.example.com']],
    ]);
  });
});
