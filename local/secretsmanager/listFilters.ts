// ListSecrets' Filters: each filter's values are alternatives, all filters must hold, and a
// leading `!` negates a value. Each key matches the start of its attribute, case-sensitively,
// except `description` (not case-sensitive) and `all`, which "breaks the filter value string
// into words and then searches all attributes for matches. Not case-sensitive."
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Filter.html
// Words are split "by any change from uppercase to lowercase, from letter to number, or from
// number/letter to punctuation" (credsDatabase#892: creds, Database, 892):
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_search-secret.html
// That a value word matches the start of an attribute word, and that any one value word is
// enough ("My_Secret matches secrets with the word my or secret"), is the local reading.
import { invalidParameter } from './errors';
import type { SecretRecord } from './secret';

export type ListFilter = { Key?: string; Values?: string[] };

const KEYS = ['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all'];

export function checkFilters(filters: unknown): ListFilter[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) throw invalidParameter('Filters must be a list. (local wording)');
  for (const [index, filter] of (filters as ListFilter[]).entries()) {
    if (!KEYS.includes(String(filter.Key))) {
      // The model's enum, in the validation wording AWS JSON services use.
      throw invalidParameter(
        `1 validation error detected: Value '${filter.Key}' at 'filters.${index + 1}.member.key' failed to satisfy constraint: Member must satisfy enum value set: [${KEYS.join(', ')}]`,
      );
    }
  }
  return filters as ListFilter[];
}

export function matchesFilters(secret: SecretRecord, filters: readonly ListFilter[], region: string): boolean {
  return filters.every((filter) => (filter.Values ?? []).some((value) => matchesValue(secret, String(filter.Key), value, region)));
}

function matchesValue(secret: SecretRecord, key: string, value: string, region: string): boolean {
  if (value.startsWith('!')) return !matchesValue(secret, key, value.slice(1), region);
  const starts = (text: string | undefined) => text !== undefined && text.startsWith(value);
  switch (key) {
    case 'name':
      return starts(secret.name);
    case 'description':
      return secret.description !== undefined && secret.description.toLowerCase().startsWith(value.toLowerCase());
    case 'tag-key':
      return secret.tags.some((t) => starts(t.Key));
    case 'tag-value':
      return secret.tags.some((t) => starts(t.Value));
    case 'primary-region':
      return starts(region);
    case 'owning-service':
      return false; // no local secret is managed by another service
    default: {
      const attributes = [secret.name, secret.description ?? '', ...secret.tags.flatMap((t) => [t.Key, t.Value])].flatMap(words);
      return words(value).some((word) => attributes.some((attribute) => attribute.startsWith(word)));
    }
  }
}

/** Lower-cased words: runs of letters or digits, split where lowercase turns to uppercase. */
function words(text: string): string[] {
  return (text.match(/[A-Z]+[a-z]*|[a-z]+|[0-9]+/g) ?? []).map((word) => word.toLowerCase());
}
