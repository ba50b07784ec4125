// The @aws-appsync/utils/dynamodb helpers called the way resolvers call them: imported by an
// ES module bundle running in the APPSYNC_JS sandbox (its own realm), with the module page's
// examples as the handler code.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
import { describe, expect, it } from 'vitest';
import { appsyncModules } from '../../../../../local/appsync/runtime/modules';
import { Sandbox } from '../../../../../local/appsync/sandbox';
import { createLogger, setLogLevel } from '../../../../../local/shared/logger';
import { updateClauses } from './readable';

setLogLevel('silent');
const sandbox = new Sandbox(appsyncModules(), createLogger('test'));
const run = (name: string, source: string, ctx: unknown = {}) => sandbox.load(name, source).call('request', ctx) as Record<string, any>;

describe('@aws-appsync/utils/dynamodb in the sandbox', () => {
  it('exports exactly the documented helpers', () => {
    // `default` is the sandbox's interop for namespace imports, not a helper.
    const names = run('names.js', `import * as ddb from '@aws-appsync/utils/dynamodb';\nexport function request() { return Object.keys(ddb).filter((n) => n !== 'default').sort(); }`);
    expect(names).toEqual(
      [
        'batchDelete',
        'batchGet',
        'batchPut',
        'get',
        'operations',
        'put',
        'query',
        'remove',
        'scan',
        'sync',
        'toBinarySet',
        'toNumberSet',
        'toStringSet',
        'transactGet',
        'transactWrite',
        'update',
      ].sort(),
    );
  });

  it('runs the updateListItem example of the module page', () => {
    const source = `import { update, operations as ops } from '@aws-appsync/utils/dynamodb';
export function request(ctx) {
  const newFriendIds = [ops.updateListItem('102', 1), ops.updateListItem('112', 2)];
  const updateObj = { friendsIds: newFriendIds };
  return update({ key: { id: 1 }, update: updateObj });
}`;
    const request = run('updateListItem.js', source);
    expect(request.operation).toBe('UpdateItem');
    expect(updateClauses(request.update)).toEqual({ SET: ['friendsIds[1] = "102"', 'friendsIds[2] = "112"'] });
  });

  it('runs the put example of the module page (key from util.autoId, item from the arguments)', () => {
    const source = `import { util } from '@aws-appsync/utils';\nimport * as ddb from '@aws-appsync/utils/dynamodb';
export function request(ctx) { return ddb.put({ key: { id: util.autoId() }, item: ctx.args }); }`;
    const request = run('put.js', source, { args: { title: 'Hi', seats: 2 } });
    expect(request).toEqual({ operation: 'PutItem', key: { id: { S: expect.stringMatching(/^[0-9a-f-]{36}$/) } }, attributeValues: { title: { S: 'Hi' }, seats: { N: 2 } } });
  });

  it('a bad input fails the handler with the helper named in the message', () => {
    const source = `import { get } from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) { return get({ key: { id: ctx.args.id } }); }`;
    expect(() => run('badGet.js', source, { args: {} })).toThrow(/get: key needs at least one key attribute/);
  });
});
