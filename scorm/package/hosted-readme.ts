// The README that travels in the hosted web bundle, for the agency's web admin: how to put the
// course on a web server, how learners open it, what the endpoint must answer, and the CSP.
import type { HostedCourse } from './hosted-bundle.ts';

/** The README's name at the zip root. */
export const HOSTED_README_FILE = 'README-hosting.txt';

/** The README text for one course and endpoint. */
export function hostedReadme(options: { course: HostedCourse; endpoint: string }): string {
	const { course, endpoint } = options;
	const origin = new URL(endpoint).origin;
	return `${course.title}, version ${course.version}: hosted web bundle
${'='.repeat(60)}

This folder is the course as a web site for your own server. Learners open it in a browser;
progress (completion, pass or fail, score, every answer, where the learner stopped) goes to
your progress endpoint:

    ${endpoint}

Course id (the endpoint files progress under it): ${course.id}


1. Put it on a web server
-------------------------
Unzip everything into one folder on a web server that serves it over HTTPS, as static files,
for example https://training.example.gov/courses/${course.id}/ . Keep the files as they are
(index.html names the endpoint and the course id in two <meta> elements; hosted-runtime.js
is the SCORM 2004 run-time, scorm-again, see hosted-runtime.LICENSE.txt). Content types:
.html text/html, .js text/javascript, .svg image/svg+xml. No server code runs here.
Opening index.html from a disk (file://) does not record anything.


2. How learners open it
-----------------------
Your own page (behind your sign-in) links to:

    https://<your server>/<folder>/index.html?learner=<id>&name=<name>

  learner  required: your id for the learner (no spaces, at most 255 characters), the same
           every time, so the course resumes where the learner stopped
  name     optional: the learner's name as you want it in the record ("Last, First")

Nothing else about the learner is asked for or sent. Without a learner id, or when the
endpoint cannot be reached as the course opens, the course says at once that progress is not
being recorded and sends nothing.

The endpoint trusts the learner id in the address. Put the course and the endpoint behind
your sign-in, fill in the id from the signed-in user, and have the endpoint check that the
record it is asked for or sent belongs to that user.


3. What the endpoint must do
----------------------------
GET  ${endpoint}${endpoint.includes('?') ? '&' : '?'}learner=<id>&course=${course.id}
     200 with the body of the last commit you accepted for that learner and course, as
     JSON, exactly as it was posted; or 200 with the JSON value null when there is none.
     The course asks once as it opens (and again to see whether you are back after an
     outage). Any other answer, or none within 8 seconds, and the course does not record.

POST ${endpoint}
     Body: one commit, JSON (Content-Type application/json, or text/plain for the final
     commit a closing page sends with navigator.sendBeacon):
       { "cmi": { "learner_id": ..., "launch_data": "v=hosted1&course=...&session=...&order=N",
                  "completion_status": ..., "success_status": ..., "score": {...},
                  "location": ..., "suspend_data": ..., "interactions": {...},
                  "objectives": {...}, "exit": ..., "session_time": ..., "total_time": ... },
         "commitSequence": M }
     Every commit is the whole record (scorm-again's sendFullCommit), so keep the latest:
     a commit replaces the stored one when it is newer, comparing in this order
       order (from launch_data)  higher is newer: one per launch, counted up by the course
       session (from launch_data) the larger string wins between two launches open at once
       commitSequence              higher is newer within one launch
     and an older one (a commit this browser kept while you were away, arriving late) is
     ignored, but still answered as accepted so the browser stops sending it.
     Answer 200 {"result": true}. Answer 4xx {"result": false} for a body you refuse; 5xx,
     408, 429 or no answer mean "away": the course keeps the commits in the browser
     (scorm-again's offline queue, in localStorage), says progress is not saved yet, asks
     again after 1, 2, 4, 8, then every 15 seconds, and sends them when you answer.

If the endpoint is on another origin than the course (${origin} here), it must answer CORS:
Access-Control-Allow-Origin: <the course's origin>, Access-Control-Allow-Methods: GET, POST,
Access-Control-Allow-Headers: Content-Type, including on OPTIONS preflight requests and on
error answers; Access-Control-Max-Age: 600 spares a preflight before every save. Cookies are
not sent to another origin; on the same origin they are.


4. Content-Security-Policy
-------------------------
index.html carries a Content-Security-Policy <meta> element that lets the page load only its
own files and send only to its own host and ${origin}. If your server sends a CSP header as
well, both apply: allow at least the same (the meta element shows the policy; script-src
holds the hash of the course's one inline script). frame-ancestors can only come from a
header; set it if the course must not be framed by other sites.


5. Limits
---------
- Saves are synchronous, as SCORM expects: an endpoint that accepts a connection but never
  answers freezes the page until the browser gives up. Put a timeout (10 s) in front of it.
- One window at a time: with two open at once, the later-opened window's commits win.
- Commits kept in a browser reach you when the endpoint is back while the page is open, or
  when the learner next opens the course in the same browser.
`;
}
