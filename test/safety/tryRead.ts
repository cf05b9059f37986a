/** Another local account trying to read a manager's database and backups: prints what the OS answered. */
import fs from 'node:fs';

const code = (f: () => unknown) => {
  try {
    f();
    return 'read';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
};
console.log(JSON.stringify({ db: code(() => fs.readFileSync(process.argv[2]!)), backups: code(() => fs.readdirSync(process.argv[3]!)) }));
