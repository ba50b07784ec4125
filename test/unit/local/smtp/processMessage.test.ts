// The actions of the active rule set, without SMTP: order across rules and within a rule,
// Stop, and RequestResponse dispositions.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-process
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda.html (Return values)
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../local/shared/clock';
import { processMessage } from '../../../../local/smtp/processMessage';
import type { ReceiptAction, ReceiptRuleConfig } from '../../../../local/smtp/options';
import { RecordingServices, testLogger } from '../../../services/s3/recordingServices';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:ingest';
const topic = (name: string): ReceiptAction => ({ type: 'SNS', topicArn: name, encoding: 'UTF-8' });
const rule = (name: string, actions: ReceiptAction[]): ReceiptRuleConfig => ({ name, enabled: true, recipients: ['invites.example.com'], scanEnabled: false, tlsPolicy: 'Optional', actions });

async function run(rules: ReceiptRuleConfig[], answer?: unknown) {
  const targets = new RecordingServices();
  if (answer !== undefined) targets.answers.set(FN, () => ({ ok: true, result: answer }));
  const result = await processMessage(
    {
      messageId: 'm'.repeat(40),
      raw: Buffer.from('From: ada@example.org\r\nTo: rsvp@invites.example.com\r\nSubject: x\r\n\r\nbody\r\n'),
      envelope: { from: 'ada@example.org', to: ['rsvp@invites.example.com'] },
      connection: { ip: '127.0.0.1', helo: 'client.test', sender: 'ada@example.org' },
      receivedAt: Date.UTC(2030, 0, 1),
    },
    {
      ruleSet: { name: 's', rules },
      verifiedDomains: [],
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY' },
      details: { spfComment: '' },
      targets,
      clock: new ManualClock(Date.UTC(2030, 0, 1)),
      logger: testLogger('smtp'),
      mta: 'inbound-smtp.us-east-1.amazonaws.com',
      traceHeaders: true,
    },
  );
  return { log: targets.log, result };
}

describe('processMessage', () => {
  it('runs rules in set order and actions in rule order', async () => {
    const { log, result } = await run([rule('one', [topic('a'), topic('b')]), rule('two', [topic('c')])]);
    expect(log).toEqual(['topic a', 'topic b', 'topic c']);
    expect(result.outcomes.map((o) => `${o.rule}/${o.action}`)).toEqual(['one/SNS', 'one/SNS', 'two/SNS']);
  });

  it('ends the run at a Stop action', async () => {
    expect((await run([rule('one', [topic('a'), { type: 'Stop', scope: 'RuleSet' }, topic('b')]), rule('two', [topic('c')])])).log).toEqual(['topic a']);
  });

  it('follows STOP_RULE, STOP_RULE_SET and CONTINUE from a RequestResponse function', async () => {
    const sync: ReceiptAction = { type: 'Lambda', functionArn: FN, invocationType: 'RequestResponse' };
    const rules = [rule('one', [sync, topic('a')]), rule('two', [topic('b')])];
    expect((await run(rules, { disposition: 'STOP_RULE' })).log).toEqual([`function ${FN} RequestResponse`, 'topic b']);
    expect((await run(rules, { disposition: 'STOP_RULE_SET' })).log).toEqual([`function ${FN} RequestResponse`]);
    expect((await run(rules, { disposition: 'CONTINUE' })).log).toEqual([`function ${FN} RequestResponse`, 'topic a', 'topic b']);
    expect((await run(rules, null)).log).toEqual([`function ${FN} RequestResponse`, 'topic a', 'topic b']);
  });

  it('puts the trace headers on top and keeps the message as sent below them', async () => {
    const { result } = await run([rule('one', [])]);
    expect(result.content.toString()).toMatch(/^Return-Path: <ada@example\.org>\r\nReceived: from client\.test \(client\.test \[127\.0\.0\.1\]\)\r\n by inbound-smtp/);
    expect(result.content.toString().endsWith('From: ada@example.org\r\nTo: rsvp@invites.example.com\r\nSubject: x\r\n\r\nbody\r\n')).toBe(true);
    expect(result.content.toString()).not.toContain('X-SES-Spam-Verdict');
  });
});
