import { describe, expect, it } from 'vitest';
import { isOneClickBody, MAX_FORM_BYTES } from '../../../../functions/attendeeLinks/oneClickBody';

describe('an RFC 8058 one-click request body', () => {
  it('is List-Unsubscribe=One-Click, form-encoded (as providers and the page’s button send it)', () => {
    expect(isOneClickBody('application/x-www-form-urlencoded', 'List-Unsubscribe=One-Click')).toBe(true);
    expect(isOneClickBody('application/x-www-form-urlencoded; charset=utf-8', 'List-Unsubscribe=One-Click\r\n')).toBe(true);
    expect(isOneClickBody('Application/X-WWW-Form-Urlencoded', 'other=1&List-Unsubscribe=One-Click')).toBe(true);
    expect(isOneClickBody(undefined, 'List-Unsubscribe=One-Click')).toBe(true);
  });

  it('may come as multipart/form-data', () => {
    const body = ['--b0undary', 'Content-Disposition: form-data; name="List-Unsubscribe"', '', 'One-Click', '--b0undary--', ''].join('\r\n');
    expect(isOneClickBody('multipart/form-data; boundary=b0undary', body)).toBe(true);
    expect(isOneClickBody('multipart/form-data; boundary="b0undary"', body)).toBe(true);
    expect(isOneClickBody('multipart/form-data; boundary=other', body)).toBe(false);
    expect(isOneClickBody('multipart/form-data', body)).toBe(false);
  });

  it('is nothing else', () => {
    expect(isOneClickBody('application/x-www-form-urlencoded', '')).toBe(false);
    expect(isOneClickBody('application/x-www-form-urlencoded', 'List-Unsubscribe=Yes')).toBe(false);
    expect(isOneClickBody('application/x-www-form-urlencoded', 'list-unsubscribe=one-click')).toBe(false);
    expect(isOneClickBody('application/json', '{"List-Unsubscribe":"One-Click"}')).toBe(false);
    expect(isOneClickBody('text/plain', 'List-Unsubscribe=One-Click')).toBe(false);
    expect(isOneClickBody('application/x-www-form-urlencoded', `List-Unsubscribe=One-Click&pad=${'x'.repeat(MAX_FORM_BYTES)}`)).toBe(false);
  });
});
