// The explorer page's own script (plain browser JavaScript, no build step): auth bar,
// fetcher for queries and mutations, and AppSync's realtime protocol for subscriptions.
/* global React, ReactDOM, GraphiQL */
(function () {
  const settings = window.LOCAL_EXPLORER;
  const form = document.getElementById('auth');
  const status = form.querySelector('.status');
  const modes = [];
  if (settings.apiKey) modes.push(['apiKey', 'API key']);
  if (settings.tokenUrl) modes.push(['userPool', 'Cognito user (ID token)']);
  modes.push(['none', 'None']);
  for (const [value, label] of modes) form.mode.add(new Option(label, value));

  const saved = JSON.parse(localStorage.getItem('local-explorer-auth') || '{}');
  form.mode.value = saved.mode || modes[0][0];
  form.email.value = saved.email || 'organizer@example.com';
  form.groups.value = saved.groups || '';
  let token = null;

  function showUserFields() {
    for (const el of form.querySelectorAll('.user')) el.style.display = form.mode.value === 'userPool' ? '' : 'none';
  }
  form.addEventListener('input', () => {
    token = null;
    localStorage.setItem('local-explorer-auth', JSON.stringify({ mode: form.mode.value, email: form.email.value, groups: form.groups.value }));
    showUserFields();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  showUserFields();

  async function authHeaders() {
    if (form.mode.value === 'apiKey') return { 'x-api-key': settings.apiKey };
    if (form.mode.value !== 'userPool') return {};
    if (!token || token.expiresAt < Date.now() + 60000) {
      const groups = form.groups.value.split(',').map((g) => g.trim()).filter(Boolean);
      const response = await fetch(settings.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.email.value, groups }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || 'token request failed');
      token = { value: body.idToken, expiresAt: Date.now() + body.expiresIn * 1000 };
      status.textContent = 'signed in as ' + form.email.value;
    }
    return { Authorization: token.value };
  }

  function isSubscription(query, operationName) {
    const ops = [...query.matchAll(/(^|[^\w$])(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g)];
    const op = operationName ? ops.find((m) => m[3] === operationName) : ops[0];
    return !!op && op[2] === 'subscription';
  }

  // AppSync's realtime protocol: header in the query string, start with the auth per
  // subscription, data frames until stop.
  function subscribe(params, headers) {
    const queue = [];
    let wake = null;
    let done = false;
    const push = (item) => {
      queue.push(item);
      if (wake) wake();
    };
    const host = location.host;
    const auth = Object.assign({ host }, headers);
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + host + '/graphql/realtime?header=' +
      encodeURIComponent(btoa(JSON.stringify(auth))) + '&payload=e30=';
    const socket = new WebSocket(url, ['graphql-ws']);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'start', payload: { data: JSON.stringify(params), extensions: { authorization: auth } } }));
      } else if (message.type === 'data') {
        push({ value: message.payload });
      } else if (message.type === 'error' || message.type === 'connection_error') {
        push({ value: message.payload });
      } else if (message.type === 'complete') {
        push({ done: true });
      }
    };
    socket.onclose = () => push({ done: true });
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        while (!queue.length) await new Promise((resolve) => (wake = resolve));
        const item = queue.shift();
        if (item.done) done = true;
        return done ? { done: true, value: undefined } : { done: false, value: item.value };
      },
      async return() {
        done = true;
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ id: '1', type: 'stop' }));
        socket.close();
        return { done: true, value: undefined };
      },
    };
  }

  async function fetcher(params, options) {
    const headers = Object.assign({}, options && options.headers, await authHeaders());
    if (isSubscription(params.query, params.operationName)) return subscribe(params, headers);
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json' }, headers),
      body: JSON.stringify(params),
    });
    return response.json();
  }

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }));
})();
