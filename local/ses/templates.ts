// Email templates (v1 CreateTemplate / SendTemplatedEmail, v2 CreateEmailTemplate and the
// Template content of SendEmail): a subject, a text part and an HTML part with Handlebars
// placeholders filled from TemplateData (a JSON object).
// https://docs.aws.amazon.com/ses/latest/dg/send-personalized-email-api.html ;
// https://docs.aws.amazon.com/ses/latest/APIReference/API_Template.html
// Only the placeholder subset of Handlebars is rendered here: {{name}} and {{a.b}} (HTML-escaped
// in the HTML part, as Handlebars escapes), {{{name}}} (not escaped). Helpers, conditionals and
// loops ({{#if}}, {{#each}}) are not supported locally.
import { SesError } from './errors';

export type EmailTemplate = { name: string; subject: string; text?: string; html?: string };

export class TemplateStore {
  private readonly templates = new Map<string, EmailTemplate>();

  create(template: EmailTemplate): void {
    if (this.templates.has(template.name)) throw new SesError('AlreadyExists', `Template ${template.name} already exists.`); // wording not recorded
    this.templates.set(template.name, template);
  }

  get(name: string): EmailTemplate {
    const template = this.templates.get(name);
    if (!template) throw new SesError('TemplateDoesNotExist', `Template ${name} does not exist.`);
    return template;
  }

  delete(name: string): void {
    this.templates.delete(name);
  }
}

export type RenderedTemplate = { subject: string; text?: string; html?: string };

export function renderTemplate(template: Omit<EmailTemplate, 'name'>, templateData: string | undefined): RenderedTemplate {
  let data: unknown = {};
  if (templateData !== undefined && templateData !== '') {
    try {
      data = JSON.parse(templateData);
    } catch {
      throw new SesError('InvalidParameterValue', 'Template data must be valid JSON.'); // wording not recorded
    }
  }
  return {
    subject: fill(template.subject, data, false),
    text: template.text === undefined ? undefined : fill(template.text, data, false),
    html: template.html === undefined ? undefined : fill(template.html, data, true),
  };
}

function fill(text: string, data: unknown, html: boolean): string {
  return text
    .replace(/\{\{\{\s*([\w.$-]+)\s*\}\}\}/g, (_, path: string) => String(lookup(data, path) ?? ''))
    .replace(/\{\{\s*([\w.$-]+)\s*\}\}/g, (_, path: string) => {
      const value = String(lookup(data, path) ?? '');
      return html ? escapeHtml(value) : value;
    });
}

function lookup(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
