import { createHash } from 'node:crypto';
import type { Route } from '@medappt/platform';

// The token is in the fragment (#token=...): browsers never send it, so it reaches no server log.
// The script reads it, removes it from the address bar and history, and completes the sign-up.
const SCRIPT = `
  const out = document.getElementById('status');
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  history.replaceState(null, '', location.pathname);
  if (!token) {
    out.textContent = 'This page needs the link from your sign-up email.';
  } else {
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'mutation($t: String!) { completeRegistration(token: $t) { user { name email } } }', variables: { t: token } }),
    })
      .then((r) => r.json())
      .then((r) => {
        const user = r.data && r.data.completeRegistration && r.data.completeRegistration.user;
        out.textContent = user
          ? 'Welcome, ' + user.name + '. Your account (' + user.email + ') is ready: sign in with your email and password.'
          : (r.errors && r.errors[0] ? r.errors[0].message : 'Something went wrong; try the link again.');
      })
      .catch(() => (out.textContent = 'The clinic could not be reached; try the link again.'));
  }
`;

const CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Finish signing up · Medical appointments</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>
</head>
<body>
<h1>Finish signing up</h1>
<p id="status" role="status">Creating your account…</p>
<p><a href="/graphql">Open the API explorer (GraphiQL)</a></p>
<script>${SCRIPT}</script>
</body>
</html>`;

/** Where a sign-up email's link lands (users' SIGN_UP_URL): completes the sign-up in the browser. */
export const signUpPage: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP });
  res.end(PAGE);
};
