// The GraphQL explorer page in a real browser: GraphiQL loads from the local server, runs
// operations with the API key or as a Cognito user, and streams a subscription.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, graphql } from '../conformance/helpers';
import { launchBrowser } from '../helpers/browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(endpoints().explorerUrl);
  await page.waitForSelector('.graphiql-container');
});

afterAll(async () => {
  await browser?.close();
});

async function run(query: string) {
  await page.click('.graphiql-query-editor .CodeMirror');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.click('.graphiql-execute-button');
}

const response = () => page.locator('.graphiql-response').innerText();

describe('the explorer page', () => {
  it('runs a query with the API key it was served with', async () => {
    await page.selectOption('select[name=mode]', 'apiKey');
    await run('{ books(count: 2) { id } }');
    await expect.poll(response).toContain('book-1');
  });

  it('signs in as a Cognito user from the local issuer', async () => {
    await page.selectOption('select[name=mode]', 'userPool');
    await page.fill('input[name=email]', 'explorer@example.com');
    await page.fill('input[name=groups]', 'admins');
    await run('{ adminSecret }');
    await expect.poll(response).toContain('the admins know');
    await expect.poll(() => page.locator('#auth .status').innerText()).toContain('explorer@example.com');
  });

  it('streams a subscription over the realtime protocol', async () => {
    await page.selectOption('select[name=mode]', 'apiKey');
    await run('subscription { onMessage(room: "explorer") { room body } }');
    // The page shows nothing until a message arrives: publish until it does.
    await expect
      .poll(
        async () => {
          await graphql('mutation { publishMessage(room: "explorer", body: "seen in the browser", priority: 1) { id room body priority } }');
          return response();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toContain('seen in the browser');
  });
});
