// Rule and action order in the active set, and the ways a run ends early: the Stop action,
// and a RequestResponse Lambda's STOP_RULE / STOP_RULE_SET dispositions.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-process
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda.html (Return values)
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceiptAction } from '../../../local/smtp/options';
import { FUNCTION, rule, ruleSet, startSmtp, type SmtpHarness } from './harness';

let h: SmtpHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const topic = (name: string): ReceiptAction => ({ type: 'SNS', topicArn: `arn:aws:sns:us-east-1:000000000000:${name}`, encoding: 'UTF-8' });
const sync: ReceiptAction = { type: 'Lambda', functionArn: FUNCTION, invocationType: 'RequestResponse' };

async function deliver(...rules: Parameters<typeof ruleSet>[1][]) {
  h = await startSmtp({ ruleSets: [ruleSet('s', ...rules)] });
  return h;
}

async function send() {
  await h!.transport.sendMail({ from: 'ada@example.org', to: 'rsvp@invites.example.com', subject: 'Accepted', text: 'Yes' });
  await h!.smtp.settled();
  return h!.services.log.map((entry) => entry.replace('arn:aws:sns:us-east-1:000000000000:', '').replace(FUNCTION, 'fn'));
}

describe('order', () => {
  it('runs every matching rule in set order and each rule’s actions in their order', async () => {
    await deliver(
      rule('first', ['invites.example.com'], [topic('a'), { type: 'S3', bucketName: 'inbound-mail' }]),
      rule('other-domain', ['elsewhere.test'], [topic('never')]),
      rule('second', ['rsvp@invites.example.com'], [topic('b')]),
    );
    const log = await send();
    expect(log[0]).toBe('topic a');
    expect(log[1]).toMatch(/^object inbound-mail\/[a-z0-9]{40}$/);
    expect(log.slice(2)).toEqual(['topic b']);
  });

  it('makes an added header part of the message for the actions after it', async () => {
    await deliver(rule('r', ['invites.example.com'], [{ type: 'S3', bucketName: 'before' }, { type: 'AddHeader', headerName: 'X-Invite-Rule', headerValue: 'rsvp' }, { type: 'S3', bucketName: 'after' }]));
    await send();
    const [before, after] = [...h!.services.objects.entries()].map(([, body]) => body.toString());
    expect(before).not.toContain('X-Invite-Rule');
    expect(after!.startsWith('X-Invite-Rule: rsvp\r\n')).toBe(true);
  });
});

describe('ending early', () => {
  it('stops the whole set at a Stop action, after notifying its topic', async () => {
    await deliver(rule('one', ['invites.example.com'], [topic('a'), { type: 'Stop', scope: 'RuleSet', topicArn: 'arn:aws:sns:us-east-1:000000000000:stopped' }, topic('never')]), rule('two', ['invites.example.com'], [topic('never2')]));
    expect(await send()).toEqual(['topic a', 'topic stopped']);
    expect((h!.services.publishedJson('arn:aws:sns:us-east-1:000000000000:stopped')[0] as { receipt: { action: unknown } }).receipt.action).toEqual({
      type: 'Stop',
      topicArn: 'arn:aws:sns:us-east-1:000000000000:stopped',
    });
  });

  it('skips the rest of the rule on STOP_RULE and goes on with the next rule', async () => {
    await deliver(rule('one', ['invites.example.com'], [sync, topic('skipped')]), rule('two', ['invites.example.com'], [topic('next')]));
    h!.services.answers.set(FUNCTION, () => ({ ok: true, result: { disposition: 'STOP_RULE' } }));
    expect(await send()).toEqual(['function fn RequestResponse', 'topic next']);
  });

  it('ends the run on STOP_RULE_SET', async () => {
    await deliver(rule('one', ['invites.example.com'], [sync, topic('skipped')]), rule('two', ['invites.example.com'], [topic('skipped too')]));
    h!.services.answers.set(FUNCTION, () => ({ ok: true, result: { disposition: 'STOP_RULE_SET' } }));
    expect(await send()).toEqual(['function fn RequestResponse']);
  });

  it('continues on CONTINUE, on anything else, on a failed function, and ignores answers of Event invocations', async () => {
    await deliver(rule('one', ['invites.example.com'], [sync, topic('after-sync')]), rule('two', ['invites.example.com'], [{ ...sync, invocationType: 'Event' }, topic('after-event')]));
    const answers = [{ ok: true as const, result: { disposition: 'nonsense' } }, { ok: true as const, result: { disposition: 'STOP_RULE_SET' } }];
    h!.services.answers.set(FUNCTION, () => answers.shift()!);
    expect(await send()).toEqual(['function fn RequestResponse', 'topic after-sync', 'function fn Event', 'topic after-event']);
    h!.services.log.length = 0;
    h!.services.answers.set(FUNCTION, () => ({ ok: false, error: { errorType: 'Error', errorMessage: 'boom' } }));
    expect(await send()).toEqual(['function fn RequestResponse', 'topic after-sync', 'function fn Event', 'topic after-event']);
  });

  it('notifies a Bounce action’s topic and goes on', async () => {
    await deliver(rule('one', ['invites.example.com'], [{ type: 'Bounce', sender: 'mailer-daemon@invites.example.com', smtpReplyCode: '550', statusCode: '5.1.1', message: 'Unknown user', topicArn: 'arn:aws:sns:us-east-1:000000000000:bounced' }, topic('after')]));
    expect(await send()).toEqual(['topic bounced', 'topic after']);
    expect((h!.services.publishedJson('arn:aws:sns:us-east-1:000000000000:bounced')[0] as { receipt: { action: unknown } }).receipt.action).toEqual({
      type: 'Bounce',
      topicArn: 'arn:aws:sns:us-east-1:000000000000:bounced',
      smtpReplyCode: '550',
      statusCode: '5.1.1',
      message: 'Unknown user',
      sender: 'mailer-daemon@invites.example.com',
    });
  });
});
