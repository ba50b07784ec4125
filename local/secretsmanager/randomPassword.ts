// Secrets Manager's password generator, as GetRandomPassword and a secret's
// GenerateSecretString define it: which characters may appear, at least one of each included
// type unless told otherwise, and the defaults.
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-secretsmanager-secret-generatesecretstring.html
import { randomInt } from 'node:crypto';
import { invalidParameter } from './errors';

/** "The length of the password. If you don't include this parameter, the default length is 32 characters." */
export const DEFAULT_PASSWORD_LENGTH = 32;
/** PasswordLength's valid range: 1 to 4,096. */
export const MAX_PASSWORD_LENGTH = 4096;

const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NUMBERS = '0123456789';
/** ExcludePunctuation's list: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~ */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export type PasswordOptions = {
  PasswordLength?: number;
  ExcludeCharacters?: string;
  ExcludeNumbers?: boolean;
  ExcludePunctuation?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  /** Default false. */
  IncludeSpace?: boolean;
  /** "Specifies whether to include at least one upper and lowercase letter, one number, and one punctuation." Default true. */
  RequireEachIncludedType?: boolean;
};

/** Uniform integer in [0, max): crypto's by default, injectable for tests. */
export type RandomIndex = (max: number) => number;

export function generatePassword(options: PasswordOptions = {}, random: RandomIndex = randomInt): string {
  const length = options.PasswordLength ?? DEFAULT_PASSWORD_LENGTH;
  if (!Number.isInteger(length) || length < 1 || length > MAX_PASSWORD_LENGTH) {
    // The model's range constraint, in the validation wording AWS JSON services use.
    throw invalidParameter(`1 validation error detected: Value '${length}' at 'passwordLength' failed to satisfy constraint: Member must have value between 1 and ${MAX_PASSWORD_LENGTH}`);
  }
  const excluded = new Set(options.ExcludeCharacters ?? '');
  const keep = (chars: string) => [...chars].filter((c) => !excluded.has(c)).join('');
  // The types RequireEachIncludedType asks one character of; the space is not one of them.
  const types = [
    options.ExcludeLowercase ? '' : keep(LOWERCASE),
    options.ExcludeUppercase ? '' : keep(UPPERCASE),
    options.ExcludeNumbers ? '' : keep(NUMBERS),
    options.ExcludePunctuation ? '' : keep(PUNCTUATION),
  ].filter((chars) => chars.length > 0);
  const space = options.IncludeSpace && !excluded.has(' ') ? ' ' : '';
  const all = types.join('') + space;
  if (all.length === 0) throw invalidParameter('The password cannot be generated: every character is excluded. (local wording)');
  const required = (options.RequireEachIncludedType ?? true) ? types : [];
  if (required.length > length) {
    throw invalidParameter(`PasswordLength ${length} is too short to include one character of each of the ${required.length} included types. (local wording)`);
  }
  const chars = required.map((type) => type[random(type.length)]!);
  while (chars.length < length) chars.push(all[random(all.length)]!);
  // Fisher-Yates, so that the required characters are not always first.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export type GenerateSecretString = PasswordOptions & {
  /** A JSON object the generated password is added to, under GenerateStringKey. */
  SecretStringTemplate?: string;
  GenerateStringKey?: string;
};

/**
 * The secret string a GenerateSecretString makes: the password alone, or the template's JSON
 * with the password under GenerateStringKey ("If you specify this parameter, then you must
 * also specify SecretStringTemplate", and the other way round).
 */
export function generateSecretString(spec: GenerateSecretString, random: RandomIndex = randomInt): string {
  const password = generatePassword(spec, random);
  const { SecretStringTemplate: template, GenerateStringKey: key } = spec;
  if (template === undefined && key === undefined) return password;
  if (template === undefined || key === undefined || key === '') {
    throw invalidParameter('SecretStringTemplate and GenerateStringKey must be specified together. (local wording)');
  }
  let json: unknown;
  try {
    json = JSON.parse(template);
  } catch {
    throw invalidParameter(`SecretStringTemplate is not valid JSON: ${template} (local wording)`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw invalidParameter('SecretStringTemplate must be a JSON object. (local wording)');
  }
  return JSON.stringify({ ...(json as Record<string, unknown>), [key]: password });
}
