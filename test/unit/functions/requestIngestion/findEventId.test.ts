import { describe, expect, it } from 'vitest';
import { findEventId } from '../../../../functions/requestIngestion/findEventId';
import { messageText } from '../../../../functions/requestIngestion/messageText';

const A = '3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f';
const B = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('findEventId', () => {
  it('takes the id in the subject', () => {
    expect(findEventId(`Guests for ${A}`, undefined)).toBe(A);
  });

  it('prefers the subject to the text', () => {
    expect(findEventId(`Event ${A}`, `Also ${B}`)).toBe(A);
  });

  it('falls back to the text, taking the first id there', () => {
    expect(findEventId('Guest list', `For event ${B}, not ${A}.`)).toBe(B);
  });

  it('reads an upper-case id as the lower-case id events have', () => {
    expect(findEventId(A.toUpperCase(), undefined)).toBe(A);
  });

  it('finds an id in a link or between punctuation', () => {
    expect(findEventId(undefined, `https://app.example/events/${A}?tab=guests`)).toBe(A);
    expect(findEventId(`[${A}]`, undefined)).toBe(A);
  });

  it('does not cut an id out of a longer run of hex digits and dashes', () => {
    expect(findEventId(`${A}-0`, `0${B}`)).toBeNull();
  });

  it('finds nothing in a message without an id', () => {
    expect(findEventId('Guests', 'Here is the list')).toBeNull();
    expect(findEventId(undefined, undefined)).toBeNull();
  });
});

describe('messageText', () => {
  it('is the plain text when there is one', () => {
    expect(messageText({ text: 'plain', html: '<p>html</p>' })).toBe('plain');
  });

  it('is the HTML without tags and comments otherwise', () => {
    expect(messageText({ text: '', html: '<p>Event<!-- x --><b>id</b></p>' })?.replace(/\s+/g, ' ').trim()).toBe('Event id');
    expect(messageText({})).toBeUndefined();
  });
});
