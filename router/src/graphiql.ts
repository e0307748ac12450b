import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from '@medappt/platform';

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, file);
}

/** GraphiQL served from our own node_modules: these machines (and many clinics) have no CDN access. */
const assets: Record<string, { path: string; type: string }> = {
  '/graphiql/react.js': { path: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/graphiql/react-dom.js': { path: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.js': { path: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.css': { path: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

export const graphiqlAssetRoutes: Record<string, Route> = Object.fromEntries(
  Object.entries(assets).map(([path, asset]) => [
    path,
    (_req, res) => {
      res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
      createReadStream(asset.path).pipe(res);
    },
  ]),
);

// The example window starts the day after the router started: a fixed date would soon lie in the past.
const exampleFrom = new Date(new Date().setUTCHours(0, 0, 0, 0) + 86_400_000);
const exampleTo = new Date(exampleFrom.getTime() + 7 * 86_400_000);

const DEFAULT_QUERY = `# Welcome to the medical-appointment API.
#
# 1. Sign up below (the email's link finishes it: in development without SMTP_URL the
#    email, link included, is in the users service's log), then log in and copy
#    accessToken into the Headers tab: { "Authorization": "Bearer <accessToken>" }
# 2. Ask who you are with \`query Me\`; \`query Inbox\` shows your notifications.

mutation SignUp {
  startRegistration(input: { email: "you@example.com", password: "choose-a-long-password", name: "Your Name" }) {
    email
    message
  }
}

mutation Login {
  login(input: { email: "you@example.com", password: "choose-a-long-password" }) {
    accessToken
    refreshToken
    accessTokenExpiresAt
  }
}

query Me {
  me { id name email role createdAt }
}

# Live: run this, then book or approve in another tab (your id is in \`query Me\`;
# a doctor uses doctorId). It runs over WebSocket with the same Authorization header.
subscription MyAppointments {
  appointmentChanged(patientId: "your-user-id") {
    action
    appointment { id status start doctor { name } service { name } }
  }
}

# Watch a doctor's free slots live (anyone, no sign-in needed): take a doctor and a
# service id from \`query Doctors\`, set a window of at most 14 days, run it, then book one of
# its slots from another tab (bookAppointment, signed in as a patient) and watch it go.
query Doctors {
  doctors(first: 10) { edges { node { id name services { id name durationMinutes } } } }
}

subscription WatchSlots {
  slotsChanged(doctorId: "doctor-id", serviceId: "service-id", from: "${exampleFrom.toISOString()}", to: "${exampleTo.toISOString()}") {
    doctor { name }
    from
    to
    slots { start end localStart }
  }
}

query Inbox {
  me {
    unreadNotificationCount
    notifications(first: 10) { id type subject body createdAt readAt deliveries { channel status } }
  }
}
`;

const INLINE_SCRIPT = `
  const url = new URL('/graphql', location.href).toString();
  const fetcher = GraphiQL.createFetcher({ url, subscriptionUrl: url.replace(/^http/, 'ws') });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: true,
    }),
  );
`;

/**
 * GraphiQL may run only our own scripts (the inline one by its hash), talk only to this origin
 * (HTTP and, for subscriptions, WebSocket) and never be framed (clickjacking).
 */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`,
  // GraphiQL and CodeMirror set styles inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
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
<title>Medical appointments · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script>${INLINE_SCRIPT}</script>
</body>
</html>`;

export function wantsGraphiQL(method: string | undefined, accept: string | undefined, search: string): boolean {
  return method === 'GET' && (accept ?? '').includes('text/html') && !new URLSearchParams(search).has('query');
}

export const graphiqlPage: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-security-policy': GRAPHIQL_CSP });
  res.end(PAGE);
};
