/**
 * Another program holding the database's lock, for the tests: a second instance, a sync
 * client or a backup tool. Run as a child process:
 *   node --import tsx test/safety/holdLock.ts DB exclusive      holds an exclusive lock until killed
 *   node --import tsx test/safety/holdLock.ts DB write MS       holds the write lock for MS ms, then commits
 * Prints "locked" once it holds the lock.
 */
import Database from 'better-sqlite3';

const [file, mode, ms] = process.argv.slice(2);
const db = new Database(file!);
if (mode === 'exclusive') {
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec('BEGIN EXCLUSIVE');
  db.exec("INSERT INTO settings (key, value) VALUES ('lock-test', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  db.exec('COMMIT'); // in exclusive locking mode the lock stays held after the commit
  db.prepare('SELECT COUNT(*) FROM reps').get();
  process.stdout.write('locked\n');
  setInterval(() => undefined, 1000);
} else {
  db.exec('BEGIN IMMEDIATE');
  db.exec("INSERT INTO settings (key, value) VALUES ('lock-test', '2') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  process.stdout.write('locked\n');
  setTimeout(() => {
    db.exec('COMMIT');
    db.close();
    process.stdout.write('released\n');
    process.exit(0);
  }, Number(ms ?? 1000));
}
