// Which recipients the active rule set accepts, and which rules apply to an accepted message,
// in the set's order. Actions run in each rule's order (processMessage.ts).
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html#receiving-email-process
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-receipt-rules-console-walkthrough.html
import type { ReceiptRuleConfig, RuleSetConfig } from './options';

/**
 * Whether a rule's recipient conditions cover an address: an address matches itself, a
 * domain (`example.com`) every address at that domain, and a leading dot (`.example.com`)
 * every address in its subdomains (the console walkthrough's table; its exact text was not
 * available here). Without conditions a rule covers every address on the verified domains,
 * or every address when no domain is known locally (API_ReceiptRule.html, Recipients).
 */
export function ruleCoversRecipient(rule: ReceiptRuleConfig, address: string, verifiedDomains: readonly string[] = []): boolean {
  const lower = address.toLowerCase();
  const domain = lower.slice(lower.lastIndexOf('@') + 1);
  if (rule.recipients.length === 0) {
    return verifiedDomains.length === 0 || verifiedDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  }
  return rule.recipients.some((condition) => {
    if (condition.includes('@')) return condition === lower;
    if (condition.startsWith('.')) return domain.endsWith(condition);
    return domain === condition;
  });
}

export type RecipientDecision =
  | { accepted: true; rules: ReceiptRuleConfig[] }
  | { accepted: false; reason: 'no-active-rule-set' | 'no-matching-rule' | 'tls-required' };

/**
 * SES accepts a recipient when an enabled rule of the active set covers it, and rejects it
 * otherwise (receiving-email-concepts.html, "Email-receiving process"). A rule with
 * TlsPolicy Require rejects mail that did not arrive over TLS (console walkthrough).
 */
export function decideRecipient(
  ruleSet: RuleSetConfig | undefined,
  address: string,
  options: { secure: boolean; verifiedDomains?: readonly string[] },
): RecipientDecision {
  if (!ruleSet) return { accepted: false, reason: 'no-active-rule-set' };
  const rules = ruleSet.rules.filter((rule) => rule.enabled && ruleCoversRecipient(rule, address, options.verifiedDomains));
  if (rules.length === 0) return { accepted: false, reason: 'no-matching-rule' };
  if (!options.secure && rules.some((rule) => rule.tlsPolicy === 'Require')) return { accepted: false, reason: 'tls-required' };
  return { accepted: true, rules };
}

/** The rules that apply to a message, in order, each with the recipients it matched. */
export function applicableRules(
  ruleSet: RuleSetConfig,
  recipients: readonly string[],
  verifiedDomains: readonly string[] = [],
): { rule: ReceiptRuleConfig; recipients: string[] }[] {
  return ruleSet.rules
    .filter((rule) => rule.enabled)
    .map((rule) => ({ rule, recipients: recipients.filter((r) => ruleCoversRecipient(rule, r, verifiedDomains)) }))
    .filter((entry) => entry.recipients.length > 0);
}
