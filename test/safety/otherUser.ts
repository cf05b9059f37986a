/**
 * Another account on the same computer, trying the web preview on 127.0.0.1 without the
 * secret it printed: prints the HTTP status of each try and whether any data came back.
 */
const base = process.argv[2]!;
async function main(): Promise<void> {
  const status: Record<string, number> = {};
  let leaked = false;
  const tries: [string, string | null][] = [
    ['/api/notes.list', '{}'],
    ['/api/reps.list', '{}'],
    ['/export/data', '{"what":"json"}'],
    ['/', null],
  ];
  for (const [url, body] of tries) {
    const res = await fetch(`${base}${url}`, body === null ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    status[url] = res.status;
    if (/Okafor|coaching|"deals"/.test(await res.text())) leaked = true;
  }
  console.log(JSON.stringify({ status, leaked }));
}
void main();
