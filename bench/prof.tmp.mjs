import { Session } from '../dist/session.js';
import { loadProfileFile } from '../dist/profile/load.js';
import { Session as S2 } from '../dist/session.js';
const p = loadProfileFile(process.argv[2]);
const s = new Session(p, { interactive: true });
const cmds = process.argv.slice(3);
const { Session: _ } = await import('../dist/session.js');
const inspector = await import('node:inspector');
const session = new inspector.Session(); session.connect();
const post = (m, a) => new Promise((res, rej) => session.post(m, a, (e, r) => e ? rej(e) : res(r)));
await post('Profiler.enable'); await post('Profiler.start');
for (const c of cmds) { const t = performance.now(); const r = s.execute(c); console.error(c, (performance.now()-t).toFixed(0), 'ms', r.failed ? 'FAILED '+r.text : ''); }
const { profile } = await post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/cmd.cpuprofile', JSON.stringify(profile));
